import type { ResolvedPlatform } from '@verticals/config-schema'

/** prom-client's default latency buckets (seconds): the general shape before config targets are added. */
export const BASE_LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

/**
 * Every latency target the config states, in seconds: tier and market objectives, the platform SLO
 * and the latency alert thresholds. Each must be a bucket boundary so that "requests faster than
 * the target" is an exact series (`le="<target>"`), not an interpolation.
 */
export function latencyTargets(platform: ResolvedPlatform): number[] {
  const targets = [
    ...Object.values(platform.tiers).map((t) => t.latencyP95),
    ...Object.values(platform.markets).map((m) => m.latencyP95),
    platform.slo.latencyP95,
    ...platform.alerts.latency.map((a) => a.threshold),
  ]
  return [...new Set(targets)].sort((a, b) => a - b)
}

/** HTTP duration buckets: the base set merged with every latency target of the config, ascending. */
export function httpLatencyBuckets(platform: ResolvedPlatform): number[] {
  return [...new Set([...BASE_LATENCY_BUCKETS, ...latencyTargets(platform)])].sort((a, b) => a - b)
}

/** A bucket boundary as prom-client writes it in the `le` label (and PromQL must match it). */
export function leLabel(bound: number): string {
  return Number.isFinite(bound) ? String(bound) : '+Inf'
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A regex for the `le` label of a bucket boundary that matches it as Prometheus 2 stores it (prom-client's
 * text, `1`) and as Prometheus 3 normalizes it on ingestion (`1.0`), so one rule selects the same series on both.
 */
export function leMatcher(bound: number): string {
  const text = leLabel(bound)
  const forms = Number.isInteger(bound) ? [text, `${text}.0`] : [text]
  return forms.map(escapeRegex).join('|')
}

/** PostgreSQL query buckets: the short-operation set merged with `dataStores.postgres.slowQuery`, ascending. */
export function dbQueryBuckets(platform: ResolvedPlatform): number[] {
  const base = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
  return [...new Set([...base, platform.dataStores.postgres.slowQuery])].sort((a, b) => a - b)
}
