import { PlatformError } from '@verticals/config-schema'
import { leLabel } from '../buckets'
import { METRICS } from '../contract'
import { CLIENT_CLOSED_CLASS, UNKNOWN_MARKET } from '../labels'
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
  /**
   * Availability only: `late`, the bad requests are clients that closed the connection after every
   * latency target (server timeouts) instead of 5xx answers; `early`, the good requests are clients
   * that closed it before any target (their own choice, not errors).
   */
  readonly closes?: 'late' | 'early'
}

// Requests of one status class in both HTTP series: the counter, and the histogram with every bucket
// at `fast` per sample (requests under each target) of `count`.
function histogramOf(
  base: Record<string, string>,
  les: readonly number[],
  count: number,
  fast: number,
  n: number,
) {
  const name = METRICS.httpRequestDuration.name
  return [
    ...les.map((le) => counter(seriesName(`${name}_bucket`, { ...base, le: leLabel(le) }), fast, n)),
    counter(seriesName(`${name}_count`, base), count, n),
  ]
}

function availabilitySeries(ctx: MonitoringContext, load: Load, les: readonly number[], n: number) {
  const { market, perSample, badShare, closes } = load
  const base = { vertical: ctx.vertical.name, market }
  const requests = (statusClass: string, count: number) =>
    counter(seriesName(METRICS.httpRequests.name, { ...base, status_class: statusClass }), count, n)
  const good = Number(num(perSample * (1 - badShare)))
  const bad = Number(num(perSample - good))
  const closed = { ...base, status_class: CLIENT_CLOSED_CLASS }
  // A total outage has no 2xx series at all (a bad rollout answers only 5xx): the SLI must still see it.
  const goodSeries =
    good <= 0
      ? []
      : closes === 'early'
        ? [requests(CLIENT_CLOSED_CLASS, good), ...histogramOf(closed, les, good, good, n)]
        : [requests('2xx', good)]
  const badSeries =
    closes === 'late'
      ? bad > 0
        ? [requests(CLIENT_CLOSED_CLASS, bad), ...histogramOf(closed, les, bad, 0, n)]
        : []
      : [requests('5xx', bad)]
  return [...goodSeries, ...badSeries]
}

function seriesOf(
  ctx: MonitoringContext,
  sli: Sli,
  loads: readonly Load[],
  les: readonly number[],
  n: number,
): TestSeries[] {
  return loads.flatMap((load) => {
    if (sli === 'availability') return availabilitySeries(ctx, load, les, n)
    // Fast requests sit under every target, slow ones above all of them.
    const good = Number(num(load.perSample * (1 - load.badShare)))
    return histogramOf({ vertical: ctx.vertical.name, market: load.market }, les, load.perSample, good, n)
  })
}

function near(value: number, limit: number, margin: number): boolean {
  return limit > 0 && Math.abs(value - limit) / limit < margin
}

/**
 * Decides from the series' own numbers which burn alerts must fire: the objective's bad share over
 * its budget against each window pair's factor, and the requests in each long window against the
 * guard. Null when a value sits so close to a factor or guard that promtool could go either way.
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
  let ambiguous = false
  const firing = rules.filter(({ objective: o, speed }) => {
    const mine = loads.filter((l) => o.market === null || l.market === o.market)
    const total = mine.reduce((s, l) => s + l.perSample, 0)
    const multiple = mine.reduce((s, l) => s + l.perSample * l.badShare, 0) / total / budgets(o)[sli]
    return windows[speed].some((w) => {
      const requests = (total * Math.min(w.long, evalSeconds)) / interval
      if (near(multiple, w.factor, RATIO_MARGIN) || near(requests, o.minRequests, COUNT_MARGIN))
        ambiguous = true
      return multiple > w.factor && requests >= o.minRequests
    })
  })
  return ambiguous ? null : firing
}

// Burn multiples and low-traffic fractions tried in order until no objective sits on a threshold.
const FAST = [1.25, 1.5, 2, 1.1].map((x) => x * (FACTORS.at(-1) as number))
const SLOW = [0.5, 0.25, 0.75].map(
  (x) => (FACTORS[0] as number) + x * ((FACTORS[1] as number) - (FACTORS[0] as number)),
)
const QUIET = [0.5, 0.25].map((x) => x * (FACTORS[0] as number))
const SCARCE = [0.5, 0.3, 0.7, 0.15]

/** Scenarios for the burn-rate alerts of one SLI: fast burn, slow burn, within budget, and fast burn on low traffic. */
export function burnScenarios(ctx: MonitoringContext, sli: Sli, rules: BurnRules): AlertScenario[] {
  const interval = sloTestInterval(ctx)
  const { page, ticket } = burnWindows(ctx.platform.slo.period)
  // A multiple of the evaluation step (the shortest window), past the longest page window.
  const step = Math.min(...[...page, ...ticket].map((w) => w.short))
  const evalSeconds = Math.ceil((Math.max(...page.map((w) => w.long)) + 5 * interval) / step) * step
  const n = sampleCount(evalSeconds, interval)
  const all = objectives(ctx.platform, ctx.vertical)
  const perMarket = all.filter((o): o is SloObjective & { market: string } => o.market !== null)
  // Without live markets, requests count as market="unknown": only the vertical's objective sees them.
  const sources = perMarket.length > 0 ? perMarket : all.map((o) => ({ ...o, market: UNKNOWN_MARKET }))
  const les = [...new Set(all.map((o) => o.latency))]
  const load = (multiple: number, perSample: (o: SloObjective) => number): Load[] =>
    sources.map((o) => ({
      market: o.market,
      perSample: perSample(o),
      badShare: Math.min(1, multiple * budgets(o)[sli]),
    }))
  const scenario = (name: string, candidates: readonly { note: string; loads: Load[] }[]): AlertScenario => {
    for (const { note, loads } of candidates) {
      const firing = expected(ctx, sli, rules, loads, evalSeconds, interval)
      if (!firing) continue
      const labels = (o: SloObjective) => (o.market ? { market: o.market } : {}) as Record<string, string>
      return {
        name: `${name} (${note})`,
        series: seriesOf(ctx, sli, loads, les, n),
        evalSeconds,
        firing: firing.map(({ rule, objective }) => ({ rule, labels: labels(objective) })),
      }
    }
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `no ${name} scenario for the ${sli} burn-rate tests stays clear of every threshold`,
      {
        hint: 'change a tier minRequests or availability slightly',
      },
    )
  }
  // Low traffic: the whole test holds a fraction of the guard, so no market alert may fire however bad the share.
  const busy = (multiples: readonly number[]) =>
    multiples.map((m) => ({ note: `${num(m)}x the budget`, loads: load(m, () => BUSY) }))
  const scarce = (fraction: number) => (o: SloObjective) => Number(num((o.minRequests * fraction) / n))
  const outage = {
    note: 'only 5xx answered, no 2xx series',
    loads: sources.map((o) => ({ market: o.market, perSample: BUSY, badShare: 1 })),
  }
  const timeouts = {
    note: 'no answer at all: every client closes after the latency target',
    loads: sources.map((o) => ({ market: o.market, perSample: BUSY, badShare: 1, closes: 'late' as const })),
  }
  const impatient = {
    note: 'every client closes before the latency target',
    loads: sources.map((o) => ({ market: o.market, perSample: BUSY, badShare: 0, closes: 'early' as const })),
  }
  return [
    ...(sli === 'availability'
      ? [
          scenario('total outage', [outage]),
          scenario('timeout-only outage', [timeouts]),
          scenario('impatient clients', [impatient]),
        ]
      : []),
    scenario('fast burn', busy(FAST)),
    scenario('slow burn', busy(SLOW)),
    scenario('within budget', busy(QUIET)),
    scenario(
      'fast burn on low traffic',
      SCARCE.map((f) => ({
        note: `${num(f * 100)}% of the guard`,
        loads: load(FAST[0] as number, scarce(f)),
      })),
    ),
  ]
}
