import type { Artifact, BundleContext } from '../../artifact'
import { toYaml } from '../../serialize'
import { edgePlan } from '../edge'
import { type Vertical, workloadsOf } from '../names'
import { deployment, disruptionBudget, service } from './deployment'
import { exporterManifests } from './exporters'
import { externalSecrets, serviceAccounts } from './identity'
import { ingress } from './ingress'
import { namespace } from './namespace'
import { networkPolicies } from './network-policies'
import { priorityClass } from './priority-class'
import { configChecksumOf, runtimeConfigData, runtimeConfigMap } from './runtime-config'
import { scaledObject } from './scaled-object'

/** The file kustomize reads: `kubectl apply -k <vertical>/infrastructure/kubernetes` applies the folder. */
export const KUSTOMIZATION_FILE = 'kustomization.yaml'

/** A kustomization listing exactly the given manifests of the folder, nothing else and nothing twice. */
function kustomization(vertical: Vertical, files: readonly string[]): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    metadata: { name: vertical.name },
    resources: [...files],
  }
}

/** The Kubernetes manifests of one vertical, one file per kind of object, and their kustomization. */
export function kubernetesArtifacts({ platform, vertical }: BundleContext): Artifact[] {
  const workloads = workloadsOf(vertical)
  const data = runtimeConfigData(platform, vertical)
  const checksum = configChecksumOf(platform, vertical, data)
  const edge = edgePlan(platform, vertical)
  const files: [string, unknown[]][] = [
    ['namespace', [namespace(platform, vertical)]],
    ['priority-class', [priorityClass(platform, vertical)]],
    ['runtime-config', [runtimeConfigMap(platform, vertical, data)]],
    ['service-accounts', serviceAccounts(platform, vertical, workloads)],
    ['external-secrets', externalSecrets(platform, vertical)],
    ['deployments', workloads.map((w) => deployment(platform, vertical, w, checksum))],
    ['services', workloads.filter((w) => w.kind === 'http').map((w) => service(platform, vertical, w))],
    ['autoscaling', workloads.map((w) => scaledObject(platform, vertical, w))],
    ['disruption-budgets', workloads.map((w) => disruptionBudget(platform, vertical, w))],
    ['ingress', edge && edge.routes.length > 0 ? [ingress(platform, vertical, edge)] : []],
    ['network-policies', networkPolicies(platform, vertical)],
    ['exporters', exporterManifests(platform, vertical)],
  ]
  const dir = `${vertical.name}/infrastructure/kubernetes`
  const manifests = files
    .filter(([, documents]) => documents.length > 0)
    .map(([name, documents]) => ({ file: `${name}.yaml`, content: toYaml(documents) }))
  const listed = {
    file: KUSTOMIZATION_FILE,
    content: toYaml([
      kustomization(
        vertical,
        manifests.map((m) => m.file),
      ),
    ]),
  }
  return [...manifests, listed].map(({ file, content }) => ({
    path: `${dir}/${file}`,
    kind: 'kubernetes',
    vertical: vertical.name,
    content,
  }))
}
