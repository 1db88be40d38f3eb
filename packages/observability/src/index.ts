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
export {
  checkHealth,
  checkReadiness,
  healthHandler,
  type Probe,
  type ProbeResult,
  type ReadinessOptions,
  type ReadinessReport,
  readinessHandler,
} from './health'
export {
  createHttpMiddleware,
  type HttpInstrumentationOptions,
  type HttpMiddleware,
  instrumentHandler,
  MARKET_HEADER,
} from './http'
export type { Instruments } from './instruments'
export { methodLabel, statusClass, UNKNOWN_MARKET } from './labels'
export { createLogger, type LoggerOptions } from './logger'
export { createMetrics, type HttpObservation, type MetricsOptions, type VerticalMetrics } from './metrics'
export { METRICS_PATH, metricsHandler } from './metrics-handler'
export { REDACTED, redactionPaths, SECRET_FIELDS, sensitiveFields } from './redaction'
export { currentRequestContext, REQUEST_ID_HEADER, type RequestContext, requestIdOf } from './request-context'
export { NOT_FOUND_ROUTE, OTHER_ROUTE, RouteTemplater } from './routes'
export { type Vertical, verticalOf } from './vertical'
