import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../vertical'
import { LATENCY_QUANTILE } from './alerts-http'
import { ratio } from './promql'

/** The SLO period the standard burn-rate windows were designed for (The SRE Workbook, ch. 5). */
export const REFERENCE_PERIOD_SECONDS = 30 * 86_400

/** One window pair of a multi-window, multi-burn-rate alert: both windows must burn faster than `factor`. */
export interface BurnWindow {
  readonly long: number
  readonly short: number
  readonly factor: number
}

/**
 * The standard multi-window, multi-burn-rate pairs for a 30-day period: pages at 14.4x over 1h and
 * 5m and at 6x over 6h and 30m; tickets at 3x over 1d and 2h and at 1x over 3d and 6h.
 */
export const REFERENCE_BURN_WINDOWS: {
  readonly page: readonly BurnWindow[]
  readonly ticket: readonly BurnWindow[]
} = {
  page: [
    { long: 3_600, short: 300, factor: 14.4 },
    { long: 21_600, short: 1_800, factor: 6 },
  ],
  ticket: [
    { long: 86_400, short: 7_200, factor: 3 },
    { long: 259_200, short: 21_600, factor: 1 },
  ],
}

/**
 * The burn windows for `periodSeconds`: windows scale with the period so each pair still means the
 * same share of the error budget; the factors (budget consumed per unit of time) stay as they are.
 */
export function burnWindows(periodSeconds: number): { page: BurnWindow[]; ticket: BurnWindow[] } {
  const scale = (w: BurnWindow): BurnWindow => ({
    long: Math.round((w.long * periodSeconds) / REFERENCE_PERIOD_SECONDS),
    short: Math.round((w.short * periodSeconds) / REFERENCE_PERIOD_SECONDS),
    factor: w.factor,
  })
  return { page: REFERENCE_BURN_WINDOWS.page.map(scale), ticket: REFERENCE_BURN_WINDOWS.ticket.map(scale) }
}

/** One service-level objective: a market (with its tier's targets) or the whole vertical. */
export interface SloObjective {
  /** The market name, or null for the vertical as a whole. */
  readonly market: string | null
  /** Availability objective in percent, e.g. 99.95. */
  readonly availability: number
  /** Latency target in seconds that LATENCY_QUANTILE of requests must meet. */
  readonly latency: number
  readonly page: boolean
  readonly ticket: boolean
  /** Requests the long window must hold before a burn-rate alert may fire. */
  readonly minRequests: number
}

/** Error budgets of an objective as ratios: 1 - availability, and the share allowed above the latency target. */
export function budgets(o: SloObjective): { availability: number; latency: number } {
  return {
    availability: ratio(100 - o.availability),
    latency: Number((1 - LATENCY_QUANTILE).toPrecision(12)),
  }
}

/**
 * The vertical's objectives: one per live market (its tier's availability, burn-rate switches and
 * traffic guard; the market's own latency target), then the vertical as a whole (`slo`), whose guard
 * is the largest tier guard.
 */
export function objectives(platform: ResolvedPlatform, vertical: Vertical): SloObjective[] {
  const perMarket = [...vertical.markets].sort().flatMap((name) => {
    const market = platform.markets[name]
    const tier = market ? platform.tiers[market.tier] : undefined
    if (!market || !tier || market.status !== 'live') return []
    return [
      {
        market: name,
        availability: tier.availability,
        latency: market.latencyP95,
        page: tier.burnRateAlerts.page,
        ticket: tier.burnRateAlerts.ticket,
        minRequests: tier.minRequests,
      },
    ]
  })
  const guards = Object.values(platform.tiers).map((t) => t.minRequests)
  const whole: SloObjective = {
    market: null,
    availability: platform.slo.availability,
    latency: platform.slo.latencyP95,
    page: true,
    ticket: true,
    minRequests: Math.max(0, ...guards),
  }
  return [...perMarket, whole]
}
