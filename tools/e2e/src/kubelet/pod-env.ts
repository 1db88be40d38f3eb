// What a kubelet would give the container: its environment, resolved from the Deployment alone
// (values, ConfigMap and Secret keys), the Secret keys coming from the ExternalSecret that
// materializes the Secret and, for its remote references, from a test mapping that stands in for
// AWS Secrets Manager. Nothing is repaired: a reference that does not resolve is an error naming both
// sides. Paths under a volume mount are mapped to the local directory that stands in for the mount.
import type { Container, EnvVar, K8sObject } from './manifests'
import { find } from './manifests'

/** Secrets Manager, for the test: remote key -> property -> value. */
export type RemoteSecrets = Readonly<Record<string, Readonly<Record<string, string>>>>

interface ExternalSecretSpec {
  secretStoreRef?: { name: string; kind?: string }
  target?: { name?: string }
  data?: { secretKey: string; remoteRef: { key: string; property?: string } }[]
}

/** The keys of the Secret `name` and their values, from the ExternalSecret or Secret that makes it. */
export function secretData(
  objects: readonly K8sObject[],
  name: string,
  remote: RemoteSecrets,
  who: string,
): Record<string, string> {
  const external = objects.find(
    (o) =>
      o.kind === 'ExternalSecret' &&
      ((o.spec as ExternalSecretSpec).target?.name ?? o.metadata.name) === name,
  )
  if (external === undefined) {
    const secret = find(objects, 'Secret', name, `${who} reads the Secret "${name}"`)
    const data = (secret.stringData ?? {}) as Record<string, string>
    const encoded = (secret.data ?? {}) as Record<string, string>
    return {
      ...data,
      ...Object.fromEntries(
        Object.entries(encoded).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
      ),
    }
  }
  const spec = external.spec as ExternalSecretSpec
  const storeKind = spec.secretStoreRef?.kind ?? 'SecretStore'
  find(
    objects,
    storeKind,
    spec.secretStoreRef?.name ?? '',
    `ExternalSecret ${external.metadata.name} reads through the ${storeKind} "${spec.secretStoreRef?.name}"`,
  )
  const values: Record<string, string> = {}
  for (const item of spec.data ?? []) {
    const { key, property } = item.remoteRef
    const value = property === undefined ? undefined : remote[key]?.[property]
    if (value === undefined) {
      throw new Error(
        `ExternalSecret ${external.metadata.name} fills key "${item.secretKey}" from Secrets Manager "${key}" property "${property}", which the test's Secrets Manager does not hold (it holds ${Object.entries(
          remote,
        )
          .flatMap(([k, props]) => Object.keys(props).map((p) => `"${k}" property "${p}"`))
          .join(', ')})`,
      )
    }
    values[item.secretKey] = value
  }
  return values
}

function configMapData(objects: readonly K8sObject[], name: string, who: string): Record<string, string> {
  return (find(objects, 'ConfigMap', name, `${who} reads the ConfigMap "${name}"`).data ?? {}) as Record<
    string,
    string
  >
}

/** A value under a mount path, mapped to the directory that stands in for the mount; others as they are. */
export function mapMounted(value: string, mounts: ReadonlyMap<string, string>): string {
  for (const [mountPath, dir] of mounts) {
    if (value === mountPath) return dir
    if (value.startsWith(`${mountPath}/`)) return `${dir}${value.slice(mountPath.length)}`
  }
  return value
}

function resolveOne(
  objects: readonly K8sObject[],
  deployment: string,
  entry: EnvVar,
  remote: RemoteSecrets,
): string {
  const who = `Deployment ${deployment} env ${entry.name}`
  if (entry.value !== undefined) return entry.value
  const secretRef = entry.valueFrom?.secretKeyRef
  if (secretRef !== undefined) {
    const data = secretData(objects, secretRef.name, remote, who)
    const value = data[secretRef.key]
    if (value === undefined) {
      throw new Error(
        `${who} reads key "${secretRef.key}" of Secret "${secretRef.name}", but that Secret gets only the keys ${Object.keys(data).join(', ') || '(none)'}`,
      )
    }
    return value
  }
  const configRef = entry.valueFrom?.configMapKeyRef
  if (configRef !== undefined) {
    const value = configMapData(objects, configRef.name, who)[configRef.key]
    if (value === undefined)
      throw new Error(
        `${who} reads key "${configRef.key}" of ConfigMap "${configRef.name}", which has no such key`,
      )
    return value
  }
  throw new Error(`${who} has neither a value nor a secretKeyRef/configMapKeyRef the harness knows`)
}

/** The container's environment, exactly as the Deployment defines it (envFrom first, then env). */
export function containerEnv(
  objects: readonly K8sObject[],
  deployment: string,
  container: Container,
  remote: RemoteSecrets,
  mounts: ReadonlyMap<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const from of container.envFrom ?? []) {
    const who = `Deployment ${deployment} envFrom`
    if (from.secretRef) Object.assign(env, secretData(objects, from.secretRef.name, remote, who))
    if (from.configMapRef) Object.assign(env, configMapData(objects, from.configMapRef.name, who))
  }
  for (const entry of container.env ?? []) {
    env[entry.name] = mapMounted(resolveOne(objects, deployment, entry, remote), mounts)
  }
  return env
}
