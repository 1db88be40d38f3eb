import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical, Workload } from '../names'
import { workloadLabels } from '../names'
import { capacityWindows } from '../schedule'
import { CLUSTER } from '../toolchain'

/** The gauge of queued jobs that workers export (defined by the observability metric contract). */
export const QUEUE_DEPTH_METRIC = 'verticals_job_queue_depth'

type Policy = Workload['autoscaling']['scaleUp']

function behavior(policy: Policy): Record<string, unknown> {
  return {
    stabilizationWindowSeconds: policy.stabilizationWindow,
    selectPolicy: 'Max',
    policies: [{ type: 'Pods', value: policy.pods, periodSeconds: policy.period }],
  }
}

/**
 * The PromQL query of a worker's queue depth. Every pod reports the length of the shared queues, so
 * take one value per queue (max across pods) and add the queues up; KEDA divides by the replicas.
 * Label values are PromQL string literals (JSON escaping); the scrape config sets `namespace` and `workload`.
 */
export function queueDepthQuery(vertical: Vertical, w: Workload): string {
  const selector = `namespace=${JSON.stringify(vertical.namespace)},workload=${JSON.stringify(w.name)}`
  return `sum(max by (queue) (${QUEUE_DEPTH_METRIC}{${selector}}))`
}

function triggers(vertical: Vertical, w: Workload): Record<string, unknown>[] {
  const { autoscaling, schedule } = w
  const list: Record<string, unknown>[] = [
    {
      type: 'cpu',
      name: 'cpu',
      metricType: 'Utilization',
      metadata: { value: String(autoscaling.cpuUtilization) },
    },
    {
      type: 'memory',
      name: 'memory',
      metricType: 'Utilization',
      metadata: { value: String(autoscaling.memoryUtilization) },
    },
  ]
  for (const window of capacityWindows(w)) {
    list.push({
      type: 'cron',
      name: window.name,
      metadata: {
        timezone: schedule.timeZone,
        start: window.start,
        end: window.end,
        desiredReplicas: String(window.desiredReplicas),
      },
    })
  }
  if (w.queueDepthTarget !== null) {
    list.push({
      type: 'prometheus',
      name: 'queue-depth',
      metricType: 'AverageValue',
      metadata: {
        serverAddress: CLUSTER.prometheus,
        query: queueDepthQuery(vertical, w),
        threshold: String(w.queueDepthTarget),
      },
    })
  }
  return list
}

/**
 * Scaling of one workload as a KEDA ScaledObject. KEDA creates and owns the workload's HPA
 * (autoscaling/v2, named after the workload, with the configured scale-up/scale-down behaviour), so no
 * separate HorizontalPodAutoscaler is generated: two autoscalers on one Deployment would fight.
 * Why KEDA rather than CronJobs that patch the HPA minimum: the schedule stays declarative (an apply
 * during a peak does not reset the minimum, a GitOps tool sees no drift), no job needs RBAC to patch
 * HPAs, an image, or egress to the API server, and KEDA's cron trigger knows time zones and takes the
 * highest of overlapping windows.
 */
export function scaledObject(
  platform: ResolvedPlatform,
  vertical: Vertical,
  w: Workload,
): Record<string, unknown> {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: w.name, namespace: vertical.namespace, labels: workloadLabels(platform, vertical, w) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: w.name },
      minReplicaCount: w.autoscaling.minReplicas,
      maxReplicaCount: w.autoscaling.maxReplicas,
      advanced: {
        horizontalPodAutoscalerConfig: {
          name: w.name,
          behavior: {
            scaleUp: behavior(w.autoscaling.scaleUp),
            scaleDown: behavior(w.autoscaling.scaleDown),
          },
        },
      },
      triggers: triggers(vertical, w),
    },
  }
}
