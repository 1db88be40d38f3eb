import { leMatcher } from '../buckets'
import { METRICS } from '../contract'
import { alertRule, annotationLiteral, family, type MonitoringContext } from './context'
import { errorRatioExpr } from './error-ratio'
import { num, promDuration } from './promql'
import { burnRateSeverities } from './severities'
import { type BurnWindow, budgets, burnWindows, objectives, type SloObjective } from './slo'
import { burnScenarios, sloTestInterval } from './slo-scenarios'
import type { AlertFamily, AlertingRule, RecordingRule } from './types'

/** The two service-level indicators: share of 5xx responses, share of requests slower than the target. */
export type Sli = 'availability' | 'latency'
const RECORDED: Record<Sli, string> = {
  availability: 'verticals_http_errors',
  latency: 'verticals_http_slow',
}
const REQUESTS = METRICS.httpRequests.name
const DURATION = METRICS.httpRequestDuration.name

const groupBy = (o: SloObjective) => (o.market ? 'vertical, market' : 'vertical')

/** Matchers of an objective's series: the vertical, and its market when it has one. */
export function objectiveSelector(
  ctx: MonitoringContext,
  o: SloObjective,
  extra: Record<string, string> = {},
  regex: Record<string, string> = {},
) {
  return ctx.own(o.market ? { market: o.market, ...extra } : extra, regex)
}

/** Name of the recorded error ratio of an SLI over a window, e.g. `vertical_market:verticals_http_errors:ratio_rate1h`. */
export function recordName(o: SloObjective, sli: Sli, window: number): string {
  return `${o.market ? 'vertical_market' : 'vertical'}:${RECORDED[sli]}:ratio_rate${promDuration(window)}`
}

// Availability is errors over total (errorRatioExpr: 5xx, and 499s answered after the objective's
// latency target); latency is the share of requests slower than the target.
function sliExpr(ctx: MonitoringContext, o: SloObjective, sli: Sli, window: string): string {
  const by = groupBy(o)
  if (sli === 'availability')
    return errorRatioExpr((extra, regex) => objectiveSelector(ctx, o, extra, regex), by, o.latency, window)
  const sum = (series: string) => `sum by (${by}) (rate(${series}[${window}]))`
  const total = sum(`${totalSeries(sli)}${objectiveSelector(ctx, o)}`)
  const le = leMatcher(o.latency)
  const fast = sum(`${DURATION}_bucket${objectiveSelector(ctx, o, {}, { le })}`)
  return `(${total} - ${fast}) / (${total} > 0)`
}

/** The burn-rate windows the rules record from raw series, shortest first. */
export function recordedWindows(ctx: MonitoringContext): number[] {
  const { page, ticket } = burnWindows(ctx.platform.slo.period)
  return [...new Set([...page, ...ticket].flatMap((w) => [w.long, w.short]))].sort((a, b) => a - b)
}

function levelsOf(ctx: MonitoringContext): SloObjective[][] {
  const all = objectives(ctx.platform, ctx.vertical)
  return [all.filter((o) => o.market !== null), all.filter((o) => o.market === null)].filter(
    (l) => l.length > 0,
  )
}

/** Recording rules: the error ratio of each SLI of each objective over each burn-rate window. */
export function sloRecordingRules(ctx: MonitoringContext): RecordingRule[] {
  const windows = recordedWindows(ctx)
  // One rule per level, SLI and window; markets differ in their latency target, so their
  // expressions are joined with `or` (each keeps its market label) rather than recorded twice.
  return levelsOf(ctx).flatMap((level) =>
    (['availability', 'latency'] as const).flatMap((sli) =>
      windows.map((w) => ({
        record: recordName(level[0] as SloObjective, sli, w),
        expr: level
          .map((o) =>
            level.length > 1
              ? `(${sliExpr(ctx, o, sli, promDuration(w))})`
              : sliExpr(ctx, o, sli, promDuration(w)),
          )
          .join(' or '),
      })),
    ),
  )
}

/**
 * The whole-period ratios (error budget panels), in their own group: the average of the shortest
 * recorded window over the period, as Sloth does, instead of a `rate(...[30d])` over raw series that
 * would re-read a month of samples at every evaluation of the page recordings.
 */
export function sloBudgetRules(ctx: MonitoringContext): RecordingRule[] {
  const shortest = recordedWindows(ctx)[0] as number
  const period = ctx.platform.slo.period
  return levelsOf(ctx).flatMap((level) =>
    (['availability', 'latency'] as const).map((sli) => {
      const o = level[0] as SloObjective
      return {
        record: recordName(o, sli, period),
        expr: `avg_over_time(${recordName(o, sli, shortest)}${ctx.own()}[${promDuration(period)}])`,
      }
    }),
  )
}

/** The traffic guard's series for an SLI: the request counter it divides by. */
export const totalSeries = (sli: Sli): string => (sli === 'availability' ? REQUESTS : `${DURATION}_count`)

function burnExpr(ctx: MonitoringContext, o: SloObjective, sli: Sli, windows: readonly BurnWindow[]): string {
  const budget = num(budgets(o)[sli])
  const sel = objectiveSelector(ctx, o)
  const by = groupBy(o)
  return windows
    .map((w) => {
      const limit = `(${num(w.factor)} * ${budget})`
      const guard = `sum by (${by}) (increase(${totalSeries(sli)}${sel}[${promDuration(w.long)}])) >= ${o.minRequests}`
      return `(${recordName(o, sli, w.long)}${sel} > ${limit} and ${recordName(o, sli, w.short)}${sel} > ${limit} and on (${by}) ${guard})`
    })
    .join(' or ')
}

const ALERT: Record<Sli, 'VerticalsAvailabilityBudgetBurn' | 'VerticalsLatencyBudgetBurn'> = {
  availability: 'VerticalsAvailabilityBudgetBurn',
  latency: 'VerticalsLatencyBudgetBurn',
}

/** The burn-rate alerts of one SLI: per objective a page and a ticket rule, unless its tier turns one off. */
export function burnRateRules(
  ctx: MonitoringContext,
  sli: Sli,
): { objective: SloObjective; speed: 'page' | 'ticket'; rule: AlertingRule }[] {
  const windows = burnWindows(ctx.platform.slo.period)
  const severity = burnRateSeverities(ctx.platform)
  const period = promDuration(ctx.platform.slo.period)
  return objectives(ctx.platform, ctx.vertical).flatMap((o) =>
    (['page', 'ticket'] as const)
      .filter((speed) => o[speed])
      .map((speed) => {
        const where = o.market
          ? annotationLiteral(ctx.platform.markets[o.market]?.city ?? o.market)
          : 'all markets'
        const target =
          sli === 'availability'
            ? `${num(o.availability)}% availability`
            : `p95 under ${num(o.latency * 1000)} ms`
        const pairs = windows[speed]
          .map((w) => `${num(w.factor)}x over ${promDuration(w.long)} and ${promDuration(w.short)}`)
          .join(', or ')
        const fastest = Math.max(...windows[speed].map((w) => w.factor))
        const rule = alertRule(ctx, {
          alert: ALERT[sli],
          expr: burnExpr(ctx, o, sli, windows[speed]),
          severity: severity[speed],
          labels: { slo: sli, burn: speed, ...(o.market ? { market: o.market } : {}) },
          summary: `${ctx.title} (${where}) is burning its ${sli} error budget ${speed === 'page' ? 'fast' : 'steadily'}`,
          description: `The ${target} objective over ${period} is consuming its error budget at ${pairs} (with at least ${o.minRequests} requests in the long window); at ${num(fastest)}x the budget lasts ${promDuration(ctx.platform.slo.period / fastest)}.`,
        })
        return { objective: o, speed, rule }
      }),
  )
}

/** The burn-rate alert family of one SLI with its test scenarios. */
export function burnRateFamily(ctx: MonitoringContext, sli: Sli): AlertFamily {
  const rules = burnRateRules(ctx, sli)
  const scenarios = burnScenarios(ctx, sli, rules)
  const { page, ticket } = burnWindows(ctx.platform.slo.period)
  // Burn-rate alerts have no `for`: evaluating once per shortest window is enough and keeps promtool fast.
  const evaluation = Math.min(...[...page, ...ticket].map((w) => w.short))
  return family(
    ctx,
    ALERT[sli],
    rules.map((r) => r.rule),
    scenarios,
    sloTestInterval(ctx),
    evaluation,
  )
}

/** Name of the recorded share of PostgreSQL queries faster than `dataStores.postgres.slowQuery`. */
export const FAST_QUERIES_RECORD = 'vertical:verticals_db_queries_fast:ratio'

/**
 * The share of the vertical's PostgreSQL queries faster than `slowQuery` over the short rate window,
 * from the contract's query histogram (slowQuery is one of its bucket boundaries); the dashboard
 * draws it against `fastQueryTarget`.
 */
export function fastQueryRules(ctx: MonitoringContext): RecordingRule[] {
  const { slowQuery } = ctx.platform.dataStores.postgres
  const name = METRICS.dbQueryDuration.name
  const sum = (series: string) => `sum by (vertical) (rate(${series}[${ctx.rate}]))`
  const fast = sum(`${name}_bucket${ctx.own({}, { le: leMatcher(slowQuery) })}`)
  return [{ record: FAST_QUERIES_RECORD, expr: `${fast} / (${sum(`${name}_count${ctx.own()}`)} > 0)` }]
}
