export { BASE_LATENCY_BUCKETS, httpLatencyBuckets, latencyTargets, leLabel } from './buckets'
export {
  type CacheResult,
  type ConsentResult,
  LABEL_VALUES,
  METRIC_LIST,
  METRICS,
  type MetricDefinition,
  type MetricKey,
  type MetricType,
  type Outcome,
  type PaymentResult,
  VERTICAL_LABEL,
} from './contract'
export type { Instruments } from './instruments'
export { methodLabel, statusClass, UNKNOWN_MARKET } from './labels'
export { createMetrics, type HttpObservation, type MetricsOptions, type VerticalMetrics } from './metrics'
export { type Vertical, verticalOf } from './vertical'
