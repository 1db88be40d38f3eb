import { leLabel } from '../buckets'
import { METRICS } from '../contract'
import { alertRule, annotationLiteral, family, type MonitoringContext } from './context'
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

function sliExpr(ctx: MonitoringContext, o: SloObjective, sli: Sli, window: string): string {
  const by = groupBy(o)
  if (sli === 'availability')
    return `1 - (sum by (${by}) (rate(${REQUESTS}${objectiveSelector(ctx, o, {}, { status_class: '[1-4]xx' })}[${window}])) / sum by (${by}) (rate(${REQUESTS}${objectiveSelector(ctx, o)}[${window}])))`
  return `1 - (sum by (${by}) (rate(${DURATION}_bucket${objectiveSelector(ctx, o, { le: leLabel(o.latency) })}[${window}])) / sum by (${by}) (rate(${DURATION}_count${objectiveSelector(ctx, o)}[${window}])))`
}

/** Every window the rules record: the burn-rate windows and the whole period (for budget panels). */
export function recordedWindows(ctx: MonitoringContext): number[] {
  const { page, ticket } = burnWindows(ctx.platform.slo.period)
  const all = [...page, ...ticket].flatMap((w) => [w.long, w.short])
  return [...new Set([...all, ctx.platform.slo.period])].sort((a, b) => a - b)
}

/** Recording rules: the error ratio of each SLI of each objective over each window. */
export function sloRecordingRules(ctx: MonitoringContext): RecordingRule[] {
  const windows = recordedWindows(ctx)
  const all = objectives(ctx.platform, ctx.vertical)
  const levels = [all.filter((o) => o.market !== null), all.filter((o) => o.market === null)].filter(
    (l) => l.length > 0,
  )
  // One rule per level, SLI and window; markets differ in their latency target, so their
  // expressions are joined with `or` (each keeps its market label) rather than recorded twice.
  return levels.flatMap((level) =>
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
