import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../vertical'

const UNITS: readonly [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
]

/** Seconds as a Prometheus duration (`1h`, `4m40s`, `3d`); fractions of a second are rounded. */
export function promDuration(seconds: number): string {
  let rest = Math.max(1, Math.round(seconds))
  let out = ''
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size)
    if (n > 0) out += `${n}${unit}`
    rest -= n * size
  }
  return out
}

/** A PromQL label matcher list from name -> value (values as escaped string literals). */
export function selector(
  labels: Readonly<Record<string, string>>,
  regex: Readonly<Record<string, string>> = {},
): string {
  const parts = [
    ...Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
    ...Object.entries(regex).map(([k, v]) => `${k}=~${JSON.stringify(v)}`),
  ]
  return `{${parts.join(',')}}`
}

/** A number as PromQL and YAML write it, without binary floating-point noise (0.1 + 0.2 style). */
export function num(value: number): string {
  return String(Number(value.toPrecision(12)))
}

/** A percentage of the config (99.9) as a ratio (0.999), rounded to drop floating-point noise. */
export function ratio(percent: number): number {
  return Number((percent / 100).toPrecision(12))
}

// Prometheus needs several samples inside a rate() window; four scrape intervals is the usual minimum.
const SCRAPES_PER_RATE_WINDOW = 4

/** The window of short rate() expressions: four times the slowest scrape interval of the vertical. */
export function rateWindowSeconds(platform: ResolvedPlatform, vertical: Vertical): number {
  const intervals = Object.values(vertical.workloads).map((w) => w.scrapeInterval)
  return SCRAPES_PER_RATE_WINDOW * Math.max(platform.monitoring.scrapeInterval, ...intervals)
}

/** `<platform>-<vertical>-<part>`: the scrape job name of a workload or exporter of the vertical. */
export function jobName(platform: ResolvedPlatform, vertical: Vertical, part: string): string {
  return `${platform.metadata.name}-${vertical.name}-${part}`
}

/** Alphabetical, for output that never depends on config key order. */
export function sorted<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
