import {
  CONFIG_MOUNT,
  DEPLOYMENT_ENV,
  EXPORTER_STORES,
  exporterName,
  MONITORING_SECRET_KEYS,
  runtimeSecretName,
  SECRET_ENV,
  serviceAccountName,
  WRITABLE_MOUNT,
} from '@verticals/observability'
import { describe, expect, it } from 'vitest'
import { buildAll, examplePlatform } from '../testing'
import { ROLE_ARN_ANNOTATION } from './identity'
import type { Doc } from './testing'
import { findDoc, kubernetesDocs } from './testing'

const platform = examplePlatform()
const enabled = Object.values(platform.verticals).filter((v) => v.enabled)
const provider = platform.security.identity?.oidcProvider ?? ''
const account = /::(\d{12}):/.exec(provider)?.[1]

describe.each(enabled.map((v) => [v.name, v] as const))('the %s deployment contract', (name, vertical) => {
  const docs: Doc[] = kubernetesDocs(platform, name)
  const terraform = buildAll(platform)
    .filter((a) => a.kind === 'terraform' && a.vertical === name)
    .map((a) => a.content)
    .join('\n')
  const external = findDoc(docs, 'ExternalSecret', runtimeSecretName(name))
  const data = (external.spec?.data ?? []) as {
    secretKey: string
    remoteRef: { key: string; property: string }
  }[]

  it('gives every secret env var of every container a key the ExternalSecret materializes', () => {
    const keys = data.map((d) => d.secretKey)
    const all = new Set<string>([...Object.values(SECRET_ENV), ...Object.values(MONITORING_SECRET_KEYS)])
    expect(keys.sort()).toEqual([...all].sort())
    expect(external.spec?.target).toEqual({ name: runtimeSecretName(name), creationPolicy: 'Owner' })
    for (const w of Object.values(vertical.workloads)) {
      const pod = findDoc(docs, 'Deployment', w.name).spec?.template.spec
      const refs = pod.containers[0].env
        .filter((e: { valueFrom?: unknown }) => e.valueFrom)
        .map((e: { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } }) => [
          e.name,
          e.valueFrom.secretKeyRef.name,
          e.valueFrom.secretKeyRef.key,
        ])
      expect(refs).toEqual(
        Object.entries(SECRET_ENV).map(([k, key]) => [
          DEPLOYMENT_ENV[k as keyof typeof SECRET_ENV],
          runtimeSecretName(name),
          key,
        ]),
      )
    }
  })

  it('gives the exporters their monitoring identities only, never a key of the service’s credentials', () => {
    for (const store of EXPORTER_STORES) {
      const pod = findDoc(docs, 'Deployment', exporterName(store)).spec?.template.spec
      const env = pod.containers.flatMap((c: { env?: unknown[] }) => c.env ?? []) as {
        name: string
        value?: string
        valueFrom?: { secretKeyRef?: { name: string; key: string } }
      }[]
      expect(pod.containers.every((c: { envFrom?: unknown }) => c.envFrom === undefined)).toBe(true)
      expect(env.every((e) => e.value === undefined)).toBe(true)
      expect(env.map((e) => e.valueFrom?.secretKeyRef)).toEqual([
        { name: runtimeSecretName(name), key: MONITORING_SECRET_KEYS[store] },
      ])
    }
    const service = new Set(['databaseUrl', 'redisUrl', 'auditKey', 'dsrAuthSecret', 'subjectKey'] as const)
    for (const key of service) expect(Object.values(MONITORING_SECRET_KEYS)).not.toContain(SECRET_ENV[key])
  })

  it('reads the remote secret Terraform writes, property by property', () => {
    const remote = data[0]?.remoteRef
    expect(terraform).toContain(`name                    = "${remote?.key}"`)
    expect(data.length).toBeGreaterThan(0)
    for (const d of data) {
      expect(terraform).toMatch(new RegExp(`^\\s+${d.remoteRef.property}\\s+=`, 'm'))
    }
  })

  it('runs each workload as its own ServiceAccount, whose IAM role trusts exactly it', () => {
    for (const w of Object.values(vertical.workloads)) {
      const pod = findDoc(docs, 'Deployment', w.name).spec?.template.spec
      const sa = serviceAccountName(name, w.name)
      expect(pod.serviceAccountName).toBe(sa)
      const role = findDoc(docs, 'ServiceAccount', sa).metadata.annotations?.[ROLE_ARN_ANNOTATION]
      expect(role).toBe(`arn:aws:iam::${account}:role/${platform.metadata.name}-${name}-${w.name}`)
      expect(terraform).toContain(`"system:serviceaccount:${vertical.namespace}:${sa}"`)
      expect(terraform).toContain(`"${platform.metadata.name}-${name}-${w.name}"`)
    }
    const store = findDoc(docs, 'SecretStore', `${name}-aws`)
    const storeAccount = store.spec?.provider.aws.auth.jwt.serviceAccountRef.name
    expect(terraform).toContain(`"system:serviceaccount:${vertical.namespace}:${storeAccount}"`)
  })

  it('mounts the ConfigMap where the env says and keeps /tmp the only writable path', () => {
    for (const w of Object.values(vertical.workloads)) {
      const container = findDoc(docs, 'Deployment', w.name).spec?.template.spec.containers[0]
      const mounts = container.volumeMounts as { mountPath: string; readOnly?: boolean }[]
      expect(mounts.find((m) => m.mountPath === CONFIG_MOUNT.dir)?.readOnly).toBe(true)
      expect(mounts.filter((m) => !m.readOnly).map((m) => m.mountPath)).toEqual([WRITABLE_MOUNT])
      expect(container.ports).toEqual([{ name: 'http', containerPort: w.port, protocol: 'TCP' }])
      expect(container.readinessProbe.httpGet).toEqual({ path: w.probes.readiness.path, port: 'http' })
      expect(container.livenessProbe.httpGet).toEqual({ path: w.probes.liveness.path, port: 'http' })
    }
  })
})
