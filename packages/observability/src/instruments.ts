import type { ResolvedPlatform } from '@verticals/config-schema'
import { Gauge, type Registry } from 'prom-client'
import { dbQueryBuckets, httpLatencyBuckets } from './buckets'
import { METRICS, type MetricDefinition, type MetricKey } from './contract'
import { FastCounter, FastHistogram } from './fast-instruments'

type LabelOf<K extends MetricKey> = (typeof METRICS)[K]['labels'][number]
type InstrumentFor<D extends MetricDefinition, L extends string> = D['type'] extends 'counter'
  ? FastCounter<L>
  : D['type'] extends 'gauge'
    ? Gauge<L>
    : FastHistogram<L>

/** One instrument per contract metric, typed by its label names (gauges are prom-client's own). */
export type Instruments = { readonly [K in MetricKey]: InstrumentFor<(typeof METRICS)[K], LabelOf<K>> }

/** Registers every contract metric in `registry` and returns the instruments, keyed like METRICS. */
export function registerInstruments(platform: ResolvedPlatform, registry: Registry): Instruments {
  const latency = httpLatencyBuckets(platform)
  const entries = Object.entries(METRICS).map(([key, d]: [string, MetricDefinition]) => {
    if (d.type === 'counter') return [key, new FastCounter(d.name, d.help, d.labels, registry)]
    if (d.type === 'gauge')
      return [
        key,
        new Gauge({ name: d.name, help: d.help, labelNames: [...d.labels], registers: [registry] }),
      ]
    const buckets =
      d.buckets === 'http-latency'
        ? latency
        : d.buckets === 'db-query'
          ? dbQueryBuckets(platform)
          : [...(d.buckets ?? [])]
    return [key, new FastHistogram(d.name, d.help, d.labels, buckets, registry)]
  })
  return Object.fromEntries(entries) as Instruments
}
