import { alertRule, family, type MonitoringContext } from './context'
import { exporterName } from './exporters'
import { jobName, promDuration, sorted } from './promql'
import { gauge, sampleCount, seriesName } from './series'
import type { AlertFamily, AlertingRule, AlertScenario } from './types'

interface DownTarget {
  readonly job: string
  readonly rule: AlertingRule
}

// `up`-style gauges: 1 answers, 0 does not; a job with no series at all is down as well.
function downScenarios(
  ctx: MonitoringContext,
  metric: string,
  targets: readonly DownTarget[],
  forSeconds: number,
): AlertScenario[] {
  const evalSeconds = ctx.at(forSeconds + 4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const all = (value: number, skip?: string) =>
    targets
      .filter((t) => t.job !== skip)
      .map((t) => gauge(seriesName(metric, { job: t.job, instance: 'target-1' }), value, n))
  const first = targets[0] as DownTarget
  return [
    {
      name: 'every target down',
      series: all(0),
      evalSeconds,
      firing: targets.map((t) => ({ rule: t.rule, labels: { job: t.job } })),
    },
    {
      name: 'no series at all',
      series: [...all(1, first.job), gauge(seriesName(metric, { job: 'unrelated', instance: 'x' }), 1, n)],
      evalSeconds,
      firing: [{ rule: first.rule, labels: { job: first.job } }],
    },
    { name: 'every target up', series: all(1), evalSeconds, firing: [] },
  ]
}

/** VerticalsServiceDown: one rule per workload, on Prometheus's own `up` series of its scrape job. */
export function serviceDown(ctx: MonitoringContext): AlertFamily {
  const { serviceDown: cfg } = ctx.platform.alerts
  const targets = sorted(Object.values(ctx.vertical.workloads), (w) => w.name).map((w) => {
    const job = jobName(ctx.platform, ctx.vertical, w.name)
    const rule = alertRule(ctx, {
      alert: 'VerticalsServiceDown',
      expr: `sum by (job) (up{job=${JSON.stringify(job)}}) == 0 or absent(up{job=${JSON.stringify(job)}})`,
      forSeconds: cfg.for,
      severity: cfg.severity,
      labels: { workload: w.name },
      summary: `${ctx.title} ${w.name} is down`,
      description: `No instance of the ${w.name} workload (scrape job ${job}) has answered a scrape for ${promDuration(cfg.for)}.`,
    })
    return { job, rule }
  })
  const rules = targets.map((t) => t.rule)
  return family(ctx, 'VerticalsServiceDown', rules, downScenarios(ctx, 'up', targets, cfg.for))
}

/** VerticalsPostgresDown / VerticalsRedisDown: the exporter's `*_up` gauge is 0 or missing. */
export function storeDown(ctx: MonitoringContext, store: 'postgres' | 'redis'): AlertFamily {
  const cfg = store === 'postgres' ? ctx.platform.alerts.postgresDown : ctx.platform.alerts.redisDown
  const alert = store === 'postgres' ? 'VerticalsPostgresDown' : 'VerticalsRedisDown'
  const metric = store === 'postgres' ? 'pg_up' : 'redis_up'
  const name = store === 'postgres' ? 'PostgreSQL' : 'Redis'
  const job = jobName(ctx.platform, ctx.vertical, exporterName(store))
  const match = `${metric}{job=${JSON.stringify(job)}}`
  const rule = alertRule(ctx, {
    alert,
    expr: `max by (job) (${match}) == 0 or absent(${match})`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `${name} of ${ctx.title} is down`,
    description: `${name} has not answered its exporter (job ${job}) for ${promDuration(cfg.for)}, or the exporter reports nothing.`,
  })
  return family(ctx, alert, [rule], downScenarios(ctx, metric, [{ job, rule }], cfg.for))
}
