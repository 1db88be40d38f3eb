import type { ResolvedPlatform } from '@verticals/config-schema'
import {
  CONFIG_MOUNT,
  DEPLOYMENT_ENV,
  deploymentEnvValues,
  PORT_NAME,
  runtimeSecretName,
  SECRET_ENV,
  serviceAccountName,
} from '@verticals/observability'
import { erasureRelayBucketOf } from '../erasure-relay'
import type { Vertical, Workload } from '../names'
import { selectorLabels, workloadLabels } from '../names'
import { cpuQuantity, memoryQuantity } from '../quantity'
import { auditAnchorsView } from '../terraform/audit-anchors'
import { priorityClassName } from './priority-class'
import { runtimeConfigName } from './runtime-config'
import { containerSecurityContext, podSecurityContext, TMP_MOUNT, tmpVolume } from './security'

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

// Kubernetes' largest weight for a preferred scheduling term: hostname spread counts above anything else.
const MAX_WEIGHT = 100

// Not two pods of a workload on one node where the scheduler can help it: a node's loss or drain then
// takes one pod, not several. Preferred, so a small cluster still schedules every replica.
function hostnameAntiAffinity(vertical: Vertical, w: Workload): Record<string, unknown> {
  return {
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: MAX_WEIGHT,
            podAffinityTerm: {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: { matchLabels: selectorLabels(vertical, w) },
            },
          },
        ],
      },
    },
  }
}

/** Pod-template annotation holding the runtime ConfigMap's checksum: a changed config rolls the pods. */
export const CONFIG_CHECKSUM_ANNOTATION = 'verticals.dev/config-sha256'

/**
 * The deployment contract's env (see DEPLOYMENT_ENV): where the mounted resolved config is, who the
 * service is, its port, its audit-anchors bucket and region, the erasure relay's bucket where it has
 * one, and the connection URLs and keys from the runtime Secret, key by key.
 */
function runtimeEnv(platform: ResolvedPlatform, vertical: Vertical, w: Workload): Record<string, unknown>[] {
  const storage = { bucket: auditAnchorsView(platform, vertical).bucket, region: platform.primaryRegion.name }
  const erasureRelayBucket = erasureRelayBucketOf(platform, vertical.name)
  const values = deploymentEnvValues(vertical.name, w.name, w.port, storage, { erasureRelayBucket })
  const plain = Object.entries(values).map(([key, value]) => ({
    name: DEPLOYMENT_ENV[key as keyof typeof values],
    value,
  }))
  const secret = Object.entries(SECRET_ENV).map(([key, secretKey]) => ({
    name: DEPLOYMENT_ENV[key as keyof typeof SECRET_ENV],
    valueFrom: { secretKeyRef: { name: runtimeSecretName(vertical.name), key: secretKey } },
  }))
  return [...plain, ...secret]
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

function container(platform: ResolvedPlatform, vertical: Vertical, w: Workload): Record<string, unknown> {
  const { requests, limits } = w.resources
  return {
    name: w.name,
    image: `${w.image.repository}:${w.image.tag}`,
    // Always: every new pod proves it may still pull the image (Checkov CKV_K8S_15); layers stay cached.
    imagePullPolicy: 'Always',
    ports: [{ name: PORT_NAME, containerPort: w.port, protocol: 'TCP' }],
    env: runtimeEnv(platform, vertical, w),
    resources: {
      requests: {
        cpu: cpuQuantity(requests.cpu),
        memory: memoryQuantity(requests.memory),
        'ephemeral-storage': memoryQuantity(requests.ephemeralStorage),
      },
      limits: {
        cpu: cpuQuantity(limits.cpu),
        memory: memoryQuantity(limits.memory),
        'ephemeral-storage': memoryQuantity(limits.ephemeralStorage),
      },
    },
    livenessProbe: probe(w.probes.liveness),
    readinessProbe: probe(w.probes.readiness),
    securityContext: containerSecurityContext(platform),
    volumeMounts: [TMP_MOUNT, { name: 'runtime-config', mountPath: CONFIG_MOUNT.dir, readOnly: true }],
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
          serviceAccountName: serviceAccountName(vertical.name, w.name),
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          hostNetwork: false,
          hostPID: false,
          hostIPC: false,
          securityContext: podSecurityContext(platform),
          priorityClassName: priorityClassName(platform, vertical),
          ...zoneSpread(platform, vertical, w),
          ...hostnameAntiAffinity(vertical, w),
          containers: [container(platform, vertical, w)],
          volumes: [
            tmpVolume(platform),
            { name: 'runtime-config', configMap: { name: runtimeConfigName(vertical) } },
          ],
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
