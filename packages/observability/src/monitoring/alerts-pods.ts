import { alertRule, family, type MonitoringContext } from './context'
import { num, promDuration, ratio } from './promql'
import { counter, gauge, sampleCount, seriesName } from './series'
import type { AlertFamily } from './types'

const POD = 'api-7d9f-x2x4q'

// Container series of the namespace; cAdvisor also reports pod-level totals with container="".
const containers = (ctx: MonitoringContext) =>
  `{namespace=${JSON.stringify(ctx.vertical.namespace)},container!=""}`

// Synthetic limits for the tests: the first workload's configured limits (millicores, bytes).
function limits(ctx: MonitoringContext) {
  const w = Object.values(ctx.vertical.workloads)[0]
  return { cores: (w?.resources.limits.cpu ?? 1000) / 1000, bytes: w?.resources.limits.memory ?? 2 ** 30 }
}

/** VerticalsCpuHigh: a pod's CPU use (cAdvisor) as a share of its limit (kube-state-metrics). */
export function cpu(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.cpu
  const share = ratio(cfg.threshold)
  const rule = alertRule(ctx, {
    alert: 'VerticalsCpuHigh',
    expr: `sum by (pod) (rate(container_cpu_usage_seconds_total${containers(ctx)}[${ctx.rate}])) / sum by (pod) (kube_pod_container_resource_limits${ctx.inNamespace({ resource: 'cpu' })}) > ${num(share)}`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `A ${ctx.title} pod uses more than ${num(cfg.threshold)}% of its CPU limit`,
    description: `Pod {{ $labels.pod }} has used more than ${num(cfg.threshold)}% of its CPU limit for ${promDuration(cfg.for)}.`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.rateSeconds)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const { cores } = limits(ctx)
  const at = (share: number) => [
    counter(
      seriesName('container_cpu_usage_seconds_total', {
        namespace: ctx.vertical.namespace,
        pod: POD,
        container: 'app',
      }),
      Number(num(share * cores * ctx.testInterval)),
      n,
    ),
    gauge(
      seriesName('kube_pod_container_resource_limits', {
        namespace: ctx.vertical.namespace,
        pod: POD,
        container: 'app',
        resource: 'cpu',
      }),
      cores,
      n,
    ),
  ]
  const over = (1 + share) / 2
  return family(
    ctx,
    'VerticalsCpuHigh',
    [rule],
    [
      {
        name: `halfway between the threshold and the limit`,
        series: at(over),
        evalSeconds,
        firing: [{ rule, labels: { pod: POD } }],
      },
      { name: `half the threshold`, series: at(share / 2), evalSeconds, firing: [] },
    ],
  )
}

/** VerticalsMemoryHigh: a pod's working set (cAdvisor) as a share of its memory limit. */
export function memory(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.memory
  const share = ratio(cfg.threshold)
  const rule = alertRule(ctx, {
    alert: 'VerticalsMemoryHigh',
    expr: `sum by (pod) (container_memory_working_set_bytes${containers(ctx)}) / sum by (pod) (kube_pod_container_resource_limits${ctx.inNamespace({ resource: 'memory' })}) > ${num(share)}`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `A ${ctx.title} pod uses more than ${num(cfg.threshold)}% of its memory limit`,
    description: `Pod {{ $labels.pod }} has used more than ${num(cfg.threshold)}% of its memory limit for ${promDuration(cfg.for)}; it risks being OOM-killed.`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const { bytes } = limits(ctx)
  const at = (s: number) => [
    gauge(
      seriesName('container_memory_working_set_bytes', {
        namespace: ctx.vertical.namespace,
        pod: POD,
        container: 'app',
      }),
      Math.round(s * bytes),
      n,
    ),
    gauge(
      seriesName('kube_pod_container_resource_limits', {
        namespace: ctx.vertical.namespace,
        pod: POD,
        container: 'app',
        resource: 'memory',
      }),
      bytes,
      n,
    ),
  ]
  return family(
    ctx,
    'VerticalsMemoryHigh',
    [rule],
    [
      {
        name: 'halfway between the threshold and the limit',
        series: at((1 + share) / 2),
        evalSeconds,
        firing: [{ rule, labels: { pod: POD } }],
      },
      { name: 'half the threshold', series: at(share / 2), evalSeconds, firing: [] },
    ],
  )
}
