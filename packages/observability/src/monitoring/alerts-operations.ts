import { METRICS } from '../contract'
import { alertRule, family, type MonitoringContext } from './context'
import { num, promDuration, ratio, sorted } from './promql'
import { counter, gauge, sampleCount, seriesName } from './series'
import type { AlertFamily, AlertingRule } from './types'

const TEST_RATE = 1000

/** How many retention intervals may pass without a successful run (the schema's "twice retention.runEvery"). */
export const RETENTION_STALE_FACTOR = 2

/** VerticalsRetentionStale: a record class has not been purged successfully for twice `retention.runEvery`. */
export function retentionStale(ctx: MonitoringContext): AlertFamily {
  const { retention, alerts } = ctx.platform
  const limit = RETENTION_STALE_FACTOR * retention.runEvery
  const name = METRICS.retentionLastSuccess.name
  const rules = [
    alertRule(ctx, {
      alert: 'VerticalsRetentionStale',
      expr: `time() - max by (record_class) (${name}${ctx.own()}) > ${limit}`,
      severity: alerts.retentionStale.severity,
      labels: { stage: 'stale' },
      summary: `Retention of ${ctx.title} has not run`,
      description: `Record class {{ $labels.record_class }} has not been purged successfully for more than ${promDuration(limit)} (runs every ${promDuration(retention.runEvery)}).`,
    }),
    alertRule(ctx, {
      alert: 'VerticalsRetentionStale',
      expr: `absent(${name}${ctx.own()})`,
      forSeconds: limit,
      severity: alerts.retentionStale.severity,
      labels: { stage: 'never-ran' },
      summary: `Retention of ${ctx.title} has never reported a run`,
      description: `No successful retention run has been reported for ${promDuration(limit)}.`,
    }),
  ]
  // Hourly samples: the windows here are days long, and `time()` is what matters.
  const interval = 3600
  const evalSeconds = limit + retention.runEvery

  const n = sampleCount(evalSeconds, interval)
  const classes = sorted(Object.keys(retention.recordClasses), (c) => c)
  const lastRun = (at: number) =>
    classes.map((c) => gauge(seriesName(name, { vertical: ctx.vertical.name, record_class: c }), at, n))
  const [stale, never] = rules as [AlertingRule, AlertingRule]
  return family(
    ctx,
    'VerticalsRetentionStale',
    rules,
    [
      {
        name: 'last success longer ago than the limit',
        series: lastRun(0),
        evalSeconds,
        firing: classes.map((c) => ({ rule: stale, labels: { record_class: c } })),
      },
      {
        name: 'never ran',
        series: [gauge(seriesName('up', { job: 'unrelated' }), 1, n)],
        evalSeconds,
        firing: [{ rule: never, labels: { vertical: ctx.vertical.name } }],
      },
      {
        name: 'ran within the interval',
        series: lastRun(evalSeconds - retention.runEvery / 2),
        evalSeconds,
        firing: [],
      },
    ],
    interval,
    interval,
  )
}

/**
 * VerticalsPaymentSuccessLow: succeeded / all payment attempts over `alerts.paymentSuccess.for` below
 * `monitoring.business.paymentSuccessRate`, once the window holds `minPayments` attempts. Counting
 * over the whole window (not a 1m rate held for that long) lets it fire at a few payments an hour;
 * the guard keeps two failures out of three from paging.
 */
export function paymentSuccess(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.paymentSuccess
  const target = ctx.platform.monitoring.business.paymentSuccessRate
  const name = METRICS.payments.name
  const window = promDuration(cfg.for)
  const all = `sum(increase(${name}${ctx.own()}[${window}]))`
  const succeeded = `sum(increase(${name}${ctx.own({ result: 'succeeded' })}[${window}]))`
  const rule = alertRule(ctx, {
    alert: 'VerticalsPaymentSuccessLow',
    expr: `(${succeeded} or 0 * ${all}) / ${all} < ${num(ratio(target))} and ${all} >= ${cfg.minPayments}`,
    forSeconds: ctx.rateSeconds,
    severity: cfg.severity,
    summary: `${ctx.title} payment success below ${num(target)}%`,
    description: `Fewer than ${num(target)}% of the payment attempts of the last ${window} have succeeded (at least ${cfg.minPayments} attempts).`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.rateSeconds)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const series = (result: string, step: number) =>
    counter(seriesName(name, { vertical: ctx.vertical.name, result }), step, n)
  const at = (share: number) => [
    series('succeeded', Math.round(share * TEST_RATE)),
    series('failed', TEST_RATE - Math.round(share * TEST_RATE)),
  ]
  // Low volume: attempts spread so the window holds twice (fires) or half (guarded) the minimum.
  const samplesPerWindow = cfg.for / ctx.testInterval
  const few = (times: number) => [series('failed', Number(num((times * cfg.minPayments) / samplesPerWindow)))]
  const share = ratio(target)
  return family(
    ctx,
    'VerticalsPaymentSuccessLow',
    [rule],
    [
      { name: 'half the target', series: at(share / 2), evalSeconds, firing: [{ rule, labels: {} }] },
      { name: 'halfway between the target and 100%', series: at((1 + share) / 2), evalSeconds, firing: [] },
      {
        name: `low-volume payment failure (every attempt fails, twice minPayments per ${window})`,
        series: few(2),
        evalSeconds,
        firing: [{ rule, labels: {} }],
      },
      {
        name: `every attempt fails below the guard (half of minPayments per ${window})`,
        series: few(0.5),
        evalSeconds,
        firing: [],
      },
    ],
  )
}
