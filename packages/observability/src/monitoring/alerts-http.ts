import { httpLatencyBuckets, leLabel } from '../buckets'
import { METRICS } from '../contract'
import { CLIENT_CLOSED_CLASS } from '../labels'
import { alertRule, family, type MonitoringContext } from './context'
import { errorRatioExpr } from './error-ratio'
import { num, promDuration, ratio } from './promql'
import { counter, sampleCount, seriesName } from './series'
import type { AlertFamily, AlertScenario } from './types'

/** The quantile the latency objectives and alerts speak of (p95). */
export const LATENCY_QUANTILE = 0.95
const REQUESTS = METRICS.httpRequests.name
const DURATION = METRICS.httpRequestDuration.name
// Requests per test sample: large enough that ratios are exact decimals.
const TEST_RATE = 1000

/**
 * Bucket series where every request falls into the bucket (lo, hi]; histogram_quantile then reports
 * lo + q * (hi - lo), so the test knows the p95 it produces without evaluating PromQL.
 */
function latencySeries(ctx: MonitoringContext, bucketIndex: number, samples: number) {
  const buckets = [...httpLatencyBuckets(ctx.platform), Number.POSITIVE_INFINITY]
  const lo = bucketIndex === 0 ? 0 : (buckets[bucketIndex - 1] as number)
  const hi = buckets[bucketIndex] as number
  const series = buckets.map((b, i) =>
    counter(
      seriesName(`${DURATION}_bucket`, { vertical: ctx.vertical.name, le: leLabel(b) }),
      i >= bucketIndex ? TEST_RATE : 0,
      samples,
    ),
  )
  return { series, p95: lo + LATENCY_QUANTILE * (hi - lo) }
}

/** VerticalsLatencyHigh: one rule per configured p95 threshold, sharing a name so critical inhibits high. */
export function latency(ctx: MonitoringContext): AlertFamily {
  const thresholds = [...ctx.platform.alerts.latency].sort((a, b) => a.threshold - b.threshold)
  const rules = thresholds.map((t) =>
    alertRule(ctx, {
      alert: 'VerticalsLatencyHigh',
      expr: `histogram_quantile(${LATENCY_QUANTILE}, sum by (le) (rate(${DURATION}_bucket${ctx.own()}[${ctx.rate}]))) > ${num(t.threshold)}`,
      forSeconds: t.for,
      severity: t.severity,
      labels: { threshold: `${num(t.threshold)}s` },
      summary: `${ctx.title} p95 latency above ${num(t.threshold * 1000)} ms`,
      description: `The 95th percentile of request duration has been above ${num(t.threshold * 1000)} ms for ${promDuration(t.for)}.`,
    }),
  )
  const longestFor = Math.max(...thresholds.map((t) => t.for))
  const evalSeconds = ctx.at(longestFor + 4 * ctx.rateSeconds)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const buckets = httpLatencyBuckets(ctx.platform)
  const scenario = (name: string, index: number): AlertScenario => {
    const { series, p95 } = latencySeries(ctx, index, n)
    const firing = rules
      .filter((_, i) => p95 > (thresholds[i]?.threshold ?? Number.POSITIVE_INFINITY))
      .map((rule) => ({ rule, labels: {} }))
    return { name: `${name} (p95 ${num(p95)} s)`, series, evalSeconds, firing }
  }
  const lowest = thresholds[0]?.threshold ?? 0
  const scenarios = [
    // The bucket ending at the lowest threshold puts p95 just under it: nothing fires.
    scenario('just under the lowest threshold', buckets.indexOf(lowest)),
    // The bucket starting at each threshold puts p95 just over it.
    ...thresholds.map((t) => scenario(`just over ${num(t.threshold)} s`, buckets.indexOf(t.threshold) + 1)),
  ]
  return family(ctx, 'VerticalsLatencyHigh', rules, scenarios)
}

function errorSeries(ctx: MonitoringContext, errorsPerSample: number, samples: number) {
  return [
    counter(
      seriesName(REQUESTS, { vertical: ctx.vertical.name, status_class: '2xx' }),
      TEST_RATE - errorsPerSample,
      samples,
    ),
    counter(
      seriesName(REQUESTS, { vertical: ctx.vertical.name, status_class: '5xx' }),
      errorsPerSample,
      samples,
    ),
  ]
}

// `closed` requests per sample whose client went away (499), `inTime` of them before the latency
// target, the rest answered with 2xx: the counter and the histogram series the error ratio reads.
function closedSeries(ctx: MonitoringContext, closed: number, inTime: number, samples: number) {
  const base = { vertical: ctx.vertical.name, status_class: CLIENT_CLOSED_CLASS }
  const target = leLabel(ctx.platform.slo.latencyP95)
  return [
    ...(closed < TEST_RATE
      ? [
          counter(
            seriesName(REQUESTS, { vertical: ctx.vertical.name, status_class: '2xx' }),
            TEST_RATE - closed,
            samples,
          ),
        ]
      : []),
    counter(seriesName(REQUESTS, base), closed, samples),
    counter(seriesName(`${DURATION}_bucket`, { ...base, le: target }), inTime, samples),
    counter(seriesName(`${DURATION}_count`, base), closed, samples),
  ]
}

/**
 * VerticalsErrorRateHigh: the share of errors above the configured threshold, errors as the
 * availability SLI counts them (errorRatioExpr): 5xx answers and requests whose client gave up after
 * the platform latency objective (slo.latencyP95), so a timeout-only outage fires it too.
 */
export function errorRate(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.errorRate
  const share = ratio(cfg.threshold)
  const target = ctx.platform.slo.latencyP95
  const rule = alertRule(ctx, {
    alert: 'VerticalsErrorRateHigh',
    expr: `${errorRatioExpr(ctx.own, 'vertical', target, ctx.rate)} > ${num(share)}`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `${ctx.title} serves more than ${num(cfg.threshold)}% errors`,
    description: `More than ${num(cfg.threshold)}% of requests have failed for ${promDuration(cfg.for)}: answered 5xx, or given up by their client after ${num(target * 1000)} ms (499).`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.rateSeconds)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const above = Math.min(TEST_RATE, Math.ceil(2 * share * TEST_RATE))
  const below = Math.floor((share * TEST_RATE) / 2)
  return family(
    ctx,
    'VerticalsErrorRateHigh',
    [rule],
    [
      {
        name: `twice the threshold (${above}/${TEST_RATE})`,
        series: errorSeries(ctx, above, n),
        evalSeconds,
        firing: [{ rule, labels: {} }],
      },
      {
        name: `half the threshold (${below}/${TEST_RATE})`,
        series: errorSeries(ctx, below, n),
        evalSeconds,
        firing: [],
      },
      {
        name: 'timeout-only outage (every client gives up after the latency objective, no 5xx)',
        series: closedSeries(ctx, TEST_RATE, 0, n),
        evalSeconds,
        firing: [{ rule, labels: {} }],
      },
      {
        name: `impatient clients (${above}/${TEST_RATE} close before the latency objective)`,
        series: closedSeries(ctx, above, above, n),
        evalSeconds,
        firing: [],
      },
    ],
  )
}

/** VerticalsErrorCountHigh: more 5xx responses than the threshold within the configured window. */
export function errorCount(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.errorCount
  const window = promDuration(cfg.window)
  const rule = alertRule(ctx, {
    alert: 'VerticalsErrorCountHigh',
    expr: `sum(increase(${REQUESTS}${ctx.own({ status_class: '5xx' })}[${window}])) > ${cfg.threshold}`,
    severity: cfg.severity,
    summary: `${ctx.title} served more than ${cfg.threshold} errors in ${window}`,
    description: `More than ${cfg.threshold} responses were 5xx within the last ${window}.`,
  })
  const evalSeconds = ctx.at(cfg.window + 4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const perWindow = cfg.window / ctx.testInterval
  const step = (total: number) => num(total / perWindow)
  const rate = (total: number) => [
    counter(
      seriesName(REQUESTS, { vertical: ctx.vertical.name, status_class: '5xx' }),
      Number(step(total)),
      n,
    ),
  ]
  return family(
    ctx,
    'VerticalsErrorCountHigh',
    [rule],
    [
      {
        name: `twice the threshold per window`,
        series: rate(2 * cfg.threshold),
        evalSeconds,
        firing: [{ rule, labels: {} }],
      },
      { name: `half the threshold per window`, series: rate(cfg.threshold / 2), evalSeconds, firing: [] },
    ],
  )
}
