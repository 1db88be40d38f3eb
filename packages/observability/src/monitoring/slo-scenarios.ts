import { PlatformError } from '@verticals/config-schema'
import { leLabel } from '../buckets'
import { METRICS } from '../contract'
import type { MonitoringContext } from './context'
import { num } from './promql'
import { counter, sampleCount, seriesName } from './series'
import { budgets, burnWindows, objectives, REFERENCE_BURN_WINDOWS, type SloObjective } from './slo'
import type { burnRateRules, Sli } from './slo-rules'
import type { AlertScenario, TestSeries } from './types'

type BurnRules = ReturnType<typeof burnRateRules>
const FACTORS = [...REFERENCE_BURN_WINDOWS.page, ...REFERENCE_BURN_WINDOWS.ticket]
  .map((w) => w.factor)
  .sort((a, b) => a - b)
// Steady traffic per sample when the scenario is not about low traffic.
const BUSY = 1000
// Expected outcomes must not sit this close (relative) to a factor or a guard, or the test could be
// flaky: ratios are exact (same window above and below), request counts are extrapolated by increase().
const RATIO_MARGIN = 0.02
const COUNT_MARGIN = 0.2

/** Sample interval of the burn-rate tests: a fifth of the shortest window, at most a minute. */
export function sloTestInterval(ctx: MonitoringContext): number {
  const { page, ticket } = burnWindows(ctx.platform.slo.period)
  return Math.max(1, Math.min(60, Math.floor(Math.min(...[...page, ...ticket].map((w) => w.short)) / 5)))
}

interface Load {
  readonly market: string
  readonly perSample: number
  readonly badShare: number
}

function seriesOf(
  ctx: MonitoringContext,
  sli: Sli,
  loads: readonly Load[],
  les: readonly number[],
  n: number,
): TestSeries[] {
  return loads.flatMap(({ market, perSample, badShare }) => {
    const base = { vertical: ctx.vertical.name, market }
    const good = Number(num(perSample * (1 - badShare)))
    if (sli === 'availability')
      return [
        counter(seriesName(METRICS.httpRequests.name, { ...base, status_class: '2xx' }), good, n),
        counter(
          seriesName(METRICS.httpRequests.name, { ...base, status_class: '5xx' }),
          Number(num(perSample - good)),
          n,
        ),
      ]
    // Fast requests sit under every target, slow ones above all of them.
    const name = METRICS.httpRequestDuration.name
    return [
      ...les.map((le) => counter(seriesName(`${name}_bucket`, { ...base, le: leLabel(le) }), good, n)),
      counter(seriesName(`${name}_count`, base), perSample, n),
    ]
  })
}

function near(value: number, limit: number, margin: number): boolean {
  return limit > 0 && Math.abs(value - limit) / limit < margin
}

/**
 * Decides from the series' own numbers which burn alerts must fire: the objective's bad share over
 * its budget against each window pair's factor, and the requests in each long window against the guard.
 */
function expected(
  ctx: MonitoringContext,
  sli: Sli,
  rules: BurnRules,
  loads: readonly Load[],
  evalSeconds: number,
  interval: number,
) {
  const windows = burnWindows(ctx.platform.slo.period)
  return rules.filter(({ objective: o, speed }) => {
    const mine = loads.filter((l) => o.market === null || l.market === o.market)
    const total = mine.reduce((s, l) => s + l.perSample, 0)
    const multiple = mine.reduce((s, l) => s + l.perSample * l.badShare, 0) / total / budgets(o)[sli]
    return windows[speed].some((w) => {
      const requests = (total * Math.min(w.long, evalSeconds)) / interval
      if (near(multiple, w.factor, RATIO_MARGIN) || near(requests, o.minRequests, COUNT_MARGIN))
        throw new PlatformError(
          'INVALID_ARGUMENT',
          `burn-rate test for ${o.market ?? 'the vertical'} sits on a threshold; adjust the scenario`,
        )
      return multiple > w.factor && requests >= o.minRequests
    })
  })
}

/** Scenarios for the burn-rate alerts of one SLI: fast burn, slow burn, within budget, and fast burn on low traffic. */
export function burnScenarios(ctx: MonitoringContext, sli: Sli, rules: BurnRules): AlertScenario[] {
  const interval = sloTestInterval(ctx)
  const { page } = burnWindows(ctx.platform.slo.period)
  const { ticket } = burnWindows(ctx.platform.slo.period)
  // A multiple of the evaluation step (the shortest window), past the longest page window.
  const step = Math.min(...[...page, ...ticket].map((w) => w.short))
  const evalSeconds = Math.ceil((Math.max(...page.map((w) => w.long)) + 5 * interval) / step) * step
  const n = sampleCount(evalSeconds, interval)
  const markets = objectives(ctx.platform, ctx.vertical).filter(
    (o): o is SloObjective & { market: string } => o.market !== null,
  )
  const les = [...new Set(objectives(ctx.platform, ctx.vertical).map((o) => o.latency))]
  const load = (multiple: number, perSample: (o: SloObjective) => number): Load[] =>
    markets.map((o) => ({
      market: o.market,
      perSample: perSample(o),
      badShare: Math.min(1, multiple * budgets(o)[sli]),
    }))
  const fast = 1.25 * (FACTORS.at(-1) as number)
  const slow = ((FACTORS[0] as number) + (FACTORS[1] as number)) / 2
  const quiet = (FACTORS[0] as number) / 2
  const scenario = (name: string, loads: Load[]): AlertScenario => ({
    name,
    series: seriesOf(ctx, sli, loads, les, n),
    evalSeconds,
    firing: expected(ctx, sli, rules, loads, evalSeconds, interval).map(({ rule, objective }) => ({
      rule,
      labels: (objective.market ? { market: objective.market } : {}) as Record<string, string>,
    })),
  })
  // Low traffic: the whole test holds half the guard, so no market alert may fire however bad the share.
  const scarce = (o: SloObjective) => Number(num(o.minRequests / 2 / n))
  return [
    scenario(
      `fast burn (${num(fast)}x the budget)`,
      load(fast, () => BUSY),
    ),
    scenario(
      `slow burn (${num(slow)}x the budget)`,
      load(slow, () => BUSY),
    ),
    scenario(
      `within budget (${num(quiet)}x the budget)`,
      load(quiet, () => BUSY),
    ),
    scenario(`fast burn on low traffic`, load(fast, scarce)),
  ]
}
