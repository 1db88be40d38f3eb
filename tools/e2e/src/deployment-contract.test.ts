// The deployment contract from both sides at once: what every generated Deployment of the example
// sets is exactly what @verticals/core's deploymentSettings() reads, and the values agree with the
// container port, the ConfigMap mount and the runtime Secret. Either side changing alone fails here.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@verticals/config-schema'
import { deploymentSettings } from '@verticals/core'
import { generate } from '@verticals/generator'
import { CONFIG_MOUNT, DEPLOYMENT_ENV, runtimeSecretName } from '@verticals/observability'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import type { Container, EnvVar, K8sObject } from './kubelet/manifests.ts'
import { podSpec } from './kubelet/manifests.ts'
import { repoRoot } from './workspace.ts'

const text = readFileSync(join(repoRoot, 'examples', 'argentina-marketplace', 'platform.yaml'), 'utf8')
const parsed = parse(text, 'platform.yaml')
if (!parsed.ok) throw new Error('the example platform.yaml is invalid')
const platform = parsed.platform
const deployments = generate(platform, { source: { file: 'platform.yaml', text } })
  .files.filter((f) => f.path.endsWith('/kubernetes/deployments.yaml'))
  .flatMap((f) =>
    parseAllDocuments(f.content).map((d) => [f.path.split('/')[0] ?? '', d.toJS() as K8sObject] as const),
  )

// A Secret key stands for its value: `<secret>/<key>`, so the test sees which key each variable reads.
function envOf(container: Container): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? []).map((e: EnvVar) => {
      const ref = e.valueFrom?.secretKeyRef
      return [e.name, ref ? `${ref.name}/${ref.key}` : (e.value ?? '')]
    }),
  )
}

describe.each(deployments.map(([vertical, d]) => [`${vertical}/${d.metadata.name}`, vertical, d] as const))(
  'the Deployment %s',
  (_label, vertical, deployment) => {
    const container = podSpec(deployment).containers[0] as Container
    const env = envOf(container)
    const workload = platform.verticals[vertical]?.workloads[deployment.metadata.name]

    it('sets every variable of the contract and no other', () => {
      expect(Object.keys(env).sort()).toEqual(Object.values(DEPLOYMENT_ENV).sort())
    })

    it('is read by core as the pod it describes: port, mount, vertical, workload and Secret keys', () => {
      const settings = deploymentSettings(env)
      expect(settings.port).toBe(container.ports?.[0]?.containerPort)
      expect(settings.port).toBe(workload?.port)
      const mount = container.volumeMounts?.find((m) => m.mountPath === CONFIG_MOUNT.dir)
      expect(mount?.readOnly).toBe(true)
      expect(settings.configPath).toBe(`${mount?.mountPath}/${CONFIG_MOUNT.configFile}`)
      expect(settings.vertical).toBe(vertical)
      expect(settings.workload).toBe(deployment.metadata.name)
      expect(settings.production).toBe(true)
      // Every vertical of the example erases platform-wide with one on another PostgreSQL store.
      expect(settings.erasureRelayBucket).toBe(`${platform.metadata.name}-erasure-relay`)
      const secret = runtimeSecretName(vertical)
      expect([
        settings.databaseUrl,
        settings.redisUrl,
        settings.auditKey,
        settings.monitoringDatabaseUrl,
      ]).toEqual([
        `${secret}/database-url`,
        `${secret}/redis-url`,
        `${secret}/audit-key`,
        `${secret}/monitoring-database-url`,
      ])
    })

    it('probes the paths of its workload in the config', () => {
      expect(container.readinessProbe?.httpGet?.path).toBe(workload?.probes.readiness.path)
    })
  },
)
