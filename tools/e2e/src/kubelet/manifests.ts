// The objects of a generated bundle a kubelet-like run needs, read from the bundle's files as they
// are committed: the Deployment, the ConfigMaps and Secrets/ExternalSecrets its pod refers to, its
// Service and ServiceAccount. Loosely typed on purpose: the harness checks every field it reads.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'

/** A parsed Kubernetes object. */
export interface K8sObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: {
    readonly name: string
    readonly namespace?: string
    readonly annotations?: Readonly<Record<string, string>>
  }
  readonly [field: string]: unknown
}

/** An env entry of a container, as the Deployment spells it. */
export interface EnvVar {
  readonly name: string
  readonly value?: string
  readonly valueFrom?: {
    readonly secretKeyRef?: { readonly name: string; readonly key: string }
    readonly configMapKeyRef?: { readonly name: string; readonly key: string }
  }
}

/** The container fields the harness reads. */
export interface Container {
  readonly name: string
  readonly command?: readonly string[]
  readonly args?: readonly string[]
  readonly env?: readonly EnvVar[]
  readonly envFrom?: readonly {
    readonly secretRef?: { name: string }
    readonly configMapRef?: { name: string }
  }[]
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[]
  readonly readinessProbe?: { readonly httpGet?: { readonly path: string; readonly port: number | string } }
  readonly volumeMounts?: readonly {
    readonly name: string
    readonly mountPath: string
    readonly readOnly?: boolean
  }[]
  readonly securityContext?: { readonly runAsUser?: number; readonly readOnlyRootFilesystem?: boolean }
}

/** The pod-spec fields the harness reads. */
export interface PodSpec {
  readonly serviceAccountName?: string
  readonly terminationGracePeriodSeconds?: number
  readonly securityContext?: { readonly runAsUser?: number; readonly runAsGroup?: number }
  readonly containers: readonly Container[]
  readonly volumes?: readonly {
    readonly name: string
    readonly configMap?: { readonly name: string }
    readonly secret?: { readonly secretName: string }
    readonly emptyDir?: Record<string, unknown>
  }[]
}

/** Every Kubernetes object of one vertical's bundle. */
export function bundleObjects(bundleDir: string, vertical: string): K8sObject[] {
  const dir = join(bundleDir, vertical, 'infrastructure', 'kubernetes')
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => doc.toJS() as K8sObject),
    )
}

/** The one object of a kind and name, or an error that says which file set lacks it and why it is needed. */
export function find(objects: readonly K8sObject[], kind: string, name: string, why: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name)
  if (found === undefined) {
    const have = objects.filter((o) => o.kind === kind).map((o) => o.metadata.name)
    throw new Error(
      `${why}, but the bundle has no ${kind} "${name}" (its ${kind}s: ${have.join(', ') || 'none'})`,
    )
  }
  return found
}

/** The pod template of a Deployment. */
export function podSpec(deployment: K8sObject): PodSpec {
  const spec = deployment.spec as { template?: { spec?: PodSpec } } | undefined
  const pod = spec?.template?.spec
  if (pod === undefined || pod.containers.length === 0) {
    throw new Error(`Deployment ${deployment.metadata.name} has no pod template with a container`)
  }
  return pod
}
