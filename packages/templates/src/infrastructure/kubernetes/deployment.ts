import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical, Workload } from '../names'
import { selectorLabels, workloadLabels } from '../names'
import { cpuQuantity, memoryQuantity } from '../quantity'
import {
  PLATFORM_CONFIG_KEY,
  RUNTIME_CONFIG_DIR,
  RUNTIME_CONFIG_KEY,
  runtimeConfigName,
} from './runtime-config'
import { containerSecurityContext, podSecurityContext, TMP_MOUNT, TMP_VOLUME } from './security'

type Probe = Workload['probes']['liveness']

// The most even spread there is: zones differ by at most one pod.
const EVEN_SPREAD = 1

// Across the zones of a multi-AZ region, so losing a zone loses a share of the pods, not all of them.
function zoneSpread(platform: ResolvedPlatform, vertical: Vertical, w: Workload): Record<string, unknown> {
  if (!platform.primaryRegion.multiAz) return {}
  return {
    topologySpreadConstraints: [
      {
        maxSkew: EVEN_SPREAD,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selectorLabels(vertical, w) },
      },
    ],
  }
}

const PORT_NAME = 'http'

/** Pod-template annotation holding the runtime ConfigMap's checksum: a changed config rolls the pods. */
export const CONFIG_CHECKSUM_ANNOTATION = 'verticals.dev/config-sha256'

/**
 * What @verticals/core's loadPlatformConfig() and createPlatformFromEnv() read: the platform.yaml the
 * bundle came from and the vertical this workload runs as. VERTICALS_RUNTIME_CONFIG points at the summary.
 */
function runtimeEnv(vertical: Vertical): { name: string; value: string }[] {
  return [
    { name: 'VERTICALS_CONFIG', value: `${RUNTIME_CONFIG_DIR}/${PLATFORM_CONFIG_KEY}` },
    { name: 'VERTICALS_RUNTIME_CONFIG', value: `${RUNTIME_CONFIG_DIR}/${RUNTIME_CONFIG_KEY}` },
    { name: 'VERTICALS_VERTICAL', value: vertical.name },
  ]
}

function probe(p: Probe): Record<string, unknown> {
  return {
    httpGet: { path: p.path, port: PORT_NAME },
    initialDelaySeconds: p.initialDelay,
    periodSeconds: p.period,
    timeoutSeconds: p.timeout,
    failureThreshold: p.failureThreshold,
  }
}

function container(vertical: Vertical, w: Workload): Record<string, unknown> {
  const { requests, limits } = w.resources
  return {
    name: w.name,
    image: `${w.image.repository}:${w.image.tag}`,
    // Always: every new pod proves it may still pull the image (Checkov CKV_K8S_15); layers stay cached.
    imagePullPolicy: 'Always',
    ports: [{ name: PORT_NAME, containerPort: w.port, protocol: 'TCP' }],
    env: runtimeEnv(vertical),
    resources: {
      requests: { cpu: cpuQuantity(requests.cpu), memory: memoryQuantity(requests.memory) },
      limits: { cpu: cpuQuantity(limits.cpu), memory: memoryQuantity(limits.memory) },
    },
    livenessProbe: probe(w.probes.liveness),
    readinessProbe: probe(w.probes.readiness),
    securityContext: containerSecurityContext(),
    volumeMounts: [TMP_MOUNT, { name: 'runtime-config', mountPath: RUNTIME_CONFIG_DIR, readOnly: true }],
  }
}

/**
 * The workload's Deployment. It has no `replicas`: the autoscaler owns that number, and an apply must
 * not reset it. Rolling updates use the configured surge and unavailability. `configChecksum` is the
 * runtime ConfigMap's (see runtimeConfigChecksum): services read their config once, at start-up.
 */
export function deployment(
  platform: ResolvedPlatform,
  vertical: Vertical,
  w: Workload,
  configChecksum: string,
): Record<string, unknown> {
  const labels = workloadLabels(platform, vertical, w)
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, namespace: vertical.namespace, labels },
    spec: {
      selector: { matchLabels: selectorLabels(vertical, w) },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: w.rollingUpdate.maxSurge, maxUnavailable: w.rollingUpdate.maxUnavailable },
      },
      template: {
        metadata: { labels, annotations: { [CONFIG_CHECKSUM_ANNOTATION]: configChecksum } },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          hostNetwork: false,
          hostPID: false,
          hostIPC: false,
          securityContext: podSecurityContext(),
          ...zoneSpread(platform, vertical, w),
          containers: [container(vertical, w)],
          volumes: [TMP_VOLUME, { name: 'runtime-config', configMap: { name: runtimeConfigName(vertical) } }],
        },
      },
    },
  }
}

/** A ClusterIP Service in front of an HTTP workload's port. */
export function service(
  platform: ResolvedPlatform,
  vertical: Vertical,
  w: Workload,
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: w.name, namespace: vertical.namespace, labels: workloadLabels(platform, vertical, w) },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(vertical, w),
      ports: [{ name: PORT_NAME, port: w.port, targetPort: PORT_NAME, protocol: 'TCP' }],
    },
  }
}

/** A PodDisruptionBudget that lets voluntary disruptions take as many pods as a rollout may. */
export function disruptionBudget(
  platform: ResolvedPlatform,
  vertical: Vertical,
  w: Workload,
): Record<string, unknown> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: w.name, namespace: vertical.namespace, labels: workloadLabels(platform, vertical, w) },
    spec: {
      maxUnavailable: w.rollingUpdate.maxUnavailable,
      selector: { matchLabels: selectorLabels(vertical, w) },
    },
  }
}
