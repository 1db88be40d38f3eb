import type { Artifact, BundleContext } from '../../artifact'
import { toYaml } from '../../serialize'
import { workloadsOf } from '../names'
import { deployment, disruptionBudget, service } from './deployment'
import { namespace } from './namespace'
import { networkPolicies } from './network-policies'
import { runtimeConfigChecksum, runtimeConfigData, runtimeConfigMap } from './runtime-config'
import { scaledObject } from './scaled-object'

/** The Kubernetes manifests of one vertical, one file per kind of object. */
export function kubernetesArtifacts({ platform, vertical }: BundleContext): Artifact[] {
  const workloads = workloadsOf(vertical)
  const data = runtimeConfigData(platform, vertical)
  const checksum = runtimeConfigChecksum(data)
  const files: [string, unknown[]][] = [
    ['namespace', [namespace(platform, vertical)]],
    ['runtime-config', [runtimeConfigMap(platform, vertical, data)]],
    ['deployments', workloads.map((w) => deployment(platform, vertical, w, checksum))],
    ['services', workloads.filter((w) => w.kind === 'http').map((w) => service(platform, vertical, w))],
    ['autoscaling', workloads.map((w) => scaledObject(platform, vertical, w))],
    ['disruption-budgets', workloads.map((w) => disruptionBudget(platform, vertical, w))],
    ['network-policies', networkPolicies(platform, vertical)],
  ]
  return files
    .filter(([, documents]) => documents.length > 0)
    .map(([name, documents]) => ({
      path: `${vertical.name}/infrastructure/kubernetes/${name}.yaml`,
      kind: 'kubernetes',
      vertical: vertical.name,
      content: toYaml(documents),
    }))
}
