import { PlatformError } from '@verticals/config-schema'
import type { Registry } from 'prom-client'

// prom-client validates and hashes the label object on every inc/observe (about a microsecond per
// request for our two HTTP instruments). These keep one record per label set behind a cheap string
// key and hand prom-client's registry the same value objects at scrape time, so the exposition is
// prom-client's own.

type Labels<L extends string> = Readonly<Record<L, string>>
const SEPARATOR = '\u0001'

/** The series key of a label set: its values in label-name order (recorders on the hot path build it once). */
export function keyOf(names: readonly string[], labels: Readonly<Record<string, string>>): string {
  let key = ''
  for (const name of names) key += labels[name] + SEPARATOR
  return key
}

function checked<L extends string>(
  metric: string,
  names: readonly L[],
  labels: Labels<L>,
): Record<string, string> {
  const copy: Record<string, string> = {}
  for (const name of names) {
    const value = labels[name]
    if (typeof value !== 'string')
      throw new PlatformError('INVALID_ARGUMENT', `${metric}: label "${name}" is missing or not a string`)
    copy[name] = value
  }
  return copy
}

/** A counter with the labels of its contract entry; registered in a prom-client registry. */
export class FastCounter<L extends string = string> {
  readonly type = 'counter'
  readonly aggregator = 'sum'
  readonly #series = new Map<string, { labels: Record<string, string>; value: number }>()

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly L[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never)
  }

  /** Adds `value` (default 1) to the series of `labels`. */
  inc(labels: Labels<L>, value = 1): void {
    this.incKeyed(keyOf(this.labelNames, labels), labels, value)
  }

  /** inc() with the series key already computed by keyOf. */
  incKeyed(key: string, labels: Labels<L>, value = 1): void {
    let series = this.#series.get(key)
    if (!series) {
      series = { labels: checked(this.name, this.labelNames, labels), value: 0 }
      this.#series.set(key, series)
    }
    series.value += value
  }

  /** The values as prom-client's registry reads them. */
  get() {
    const values = [...this.#series.values()].map((s) => ({ labels: { ...s.labels }, value: s.value }))
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
  }

  /** Forgets every series (prom-client's registry.resetMetrics calls it). */
  reset(): void {
    this.#series.clear()
  }
}

interface HistogramSeries {
  readonly labels: Record<string, string>
  readonly counts: Float64Array
  sum: number
  count: number
}

/** A histogram with fixed buckets and the labels of its contract entry. */
export class FastHistogram<L extends string = string> {
  readonly type = 'histogram'
  readonly aggregator = 'sum'
  readonly #series = new Map<string, HistogramSeries>()

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly L[],
    readonly buckets: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as never)
  }

  /** Records one observation in seconds (or whatever unit the metric's name says). */
  observe(labels: Labels<L>, value: number): void {
    this.observeKeyed(keyOf(this.labelNames, labels), labels, value)
  }

  /** observe() with the series key already computed by keyOf. */
  observeKeyed(key: string, labels: Labels<L>, value: number): void {
    if (!Number.isFinite(value))
      throw new PlatformError('INVALID_ARGUMENT', `${this.name}: ${value} is not a finite number`)
    let series = this.#series.get(key)
    if (!series) {
      series = {
        labels: checked(this.name, this.labelNames, labels),
        counts: new Float64Array(this.buckets.length + 1),
        sum: 0,
        count: 0,
      }
      this.#series.set(key, series)
    }
    let i = 0
    while (i < this.buckets.length && value > (this.buckets[i] as number)) i++
    series.counts[i] = (series.counts[i] as number) + 1
    series.sum += value
    series.count += 1
  }

  /** Cumulative buckets, sum and count per series, as prom-client's registry reads them. */
  get() {
    const values = [...this.#series.values()].flatMap((s) => {
      let cumulative = 0
      const buckets = [...this.buckets, Number.POSITIVE_INFINITY].map((bound, i) => {
        cumulative += s.counts[i] as number
        return {
          labels: { le: Number.isFinite(bound) ? bound : '+Inf', ...s.labels },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        }
      })
      return [
        ...buckets,
        { labels: { ...s.labels }, value: s.sum, metricName: `${this.name}_sum` },
        { labels: { ...s.labels }, value: s.count, metricName: `${this.name}_count` },
      ]
    })
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
  }

  /** Forgets every series. */
  reset(): void {
    this.#series.clear()
  }
}
