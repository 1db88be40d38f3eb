import type { ResolvedPlatform } from '@verticals/config-schema'
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import { httpLatencyBuckets } from './buckets'
import { METRICS, type MetricDefinition, type MetricKey } from './contract'

type LabelOf<K extends MetricKey> = (typeof METRICS)[K]['labels'][number]
type InstrumentFor<D extends MetricDefinition, L extends string> = D['type'] extends 'counter'
  ? Counter<L>
  : D['type'] extends 'gauge'
    ? Gauge<L>
    : Histogram<L>

/** One prom-client instrument per contract metric, typed by its label names. */
export type Instruments = { readonly [K in MetricKey]: InstrumentFor<(typeof METRICS)[K], LabelOf<K>> }

/** Registers every contract metric in `registry` and returns the instruments, keyed like METRICS. */
export function registerInstruments(platform: ResolvedPlatform, registry: Registry): Instruments {
  const latency = httpLatencyBuckets(platform)
  const entries = Object.entries(METRICS).map(([key, d]: [string, MetricDefinition]) => {
    const base = { name: d.name, help: d.help, labelNames: [...d.labels], registers: [registry] }
    if (d.type === 'counter') return [key, new Counter(base)]
    if (d.type === 'gauge') return [key, new Gauge(base)]
    const buckets = d.buckets === 'http-latency' ? latency : [...(d.buckets ?? [])]
    return [key, new Histogram({ ...base, buckets })]
  })
  return Object.fromEntries(entries) as Instruments
}
