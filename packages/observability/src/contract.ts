/**
 * The metric contract: every series a Verticals service emits, in one typed table. Generated
 * rules and dashboards query these names only (plus the exporter metrics in exporters.ts), and
 * createMetrics registers exactly these. Names follow Prometheus conventions: a `verticals_`
 * namespace, base units (`_seconds`), `_total` on counters. Every series also carries the
 * `vertical` label (a registry default label) and never a label with personal data.
 */

/** The kinds of instrument the contract uses. */
export type MetricType = 'counter' | 'gauge' | 'histogram'

/** One metric of the contract. */
export interface MetricDefinition {
  readonly name: string
  readonly type: MetricType
  readonly help: string
  /** Label names besides `vertical`; every value is drawn from a bounded, config-defined set. */
  readonly labels: readonly string[]
  /**
   * Histogram buckets: `http-latency` means derived from the config's latency targets, `db-query`
   * from `dataStores.postgres.slowQuery` (buckets.ts).
   */
  readonly buckets?: 'http-latency' | 'db-query' | readonly number[]
  /** Why no rule or panel uses the metric; absent means at least one must (a test checks both ways). */
  readonly unalerted?: string
}

/** The label every contract series carries, set from the vertical's name. */
export const VERTICAL_LABEL = 'vertical'

/** Short, quick operations (audit appends): 1 ms to 2.5 s. */
const FAST_OPERATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const

/** The contract, keyed by the name code uses. */
export const METRICS = {
  httpRequests: {
    name: 'verticals_http_requests_total',
    type: 'counter',
    help: 'HTTP requests served, by market, route template, method and status class.',
    labels: ['market', 'route', 'method', 'status_class'],
  },
  httpRequestDuration: {
    name: 'verticals_http_request_duration_seconds',
    type: 'histogram',
    help: 'Time to serve an HTTP request, from the first byte read to the last byte written.',
    labels: ['market', 'route', 'method', 'status_class'],
    buckets: 'http-latency',
  },
  cacheOperations: {
    name: 'verticals_cache_operations_total',
    type: 'counter',
    help: 'Cache lookups by data class and result (hit, miss, bypass for never-cached data, error).',
    labels: ['data_class', 'result'],
  },
  consentChecks: {
    name: 'verticals_consent_checks_total',
    type: 'counter',
    help: 'Consent checks by purpose and result (granted, denied, error; errors fail closed).',
    labels: ['purpose', 'result'],
  },
  auditAppends: {
    name: 'verticals_audit_appends_total',
    type: 'counter',
    help: 'Entries appended to the tamper-evident audit log, by result (ok, error).',
    labels: ['result'],
  },
  auditAppendDuration: {
    name: 'verticals_audit_append_duration_seconds',
    type: 'histogram',
    help: 'Time to append one entry to the audit log.',
    labels: [],
    buckets: FAST_OPERATION_BUCKETS,
  },
  dsrOpen: {
    name: 'verticals_dsr_requests_open',
    type: 'gauge',
    help: 'Data-subject requests not yet completed, by kind.',
    labels: ['kind'],
  },
  dsrOverdue: {
    name: 'verticals_dsr_requests_overdue',
    type: 'gauge',
    help: 'Open data-subject requests past their deadline, by kind.',
    labels: ['kind'],
  },
  dsrOldestOpenAge: {
    name: 'verticals_dsr_oldest_open_age_seconds',
    type: 'gauge',
    help: 'Age of the oldest open data-subject request, by kind (0 when none is open).',
    labels: ['kind'],
  },
  breachNotificationSecondsLeft: {
    name: 'verticals_breach_notification_seconds_left',
    type: 'gauge',
    help: 'Seconds left before the earliest pending notification deadline of an open personal-data breach, by jurisdiction and addressee (authority, subjects); negative once past; no series while none is pending.',
    labels: ['jurisdiction', 'to'],
  },
  retentionRuns: {
    name: 'verticals_retention_runs_total',
    type: 'counter',
    help: 'Retention job runs by record class and result (ok, error).',
    labels: ['record_class', 'result'],
  },
  retentionRowsPurged: {
    name: 'verticals_retention_rows_purged_total',
    type: 'counter',
    help: 'Rows deleted or anonymized by the retention job, by record class and action.',
    labels: ['record_class', 'action'],
  },
  retentionLastSuccess: {
    name: 'verticals_retention_last_success_timestamp_seconds',
    type: 'gauge',
    help: 'Unix time of the last successful retention run, by record class.',
    labels: ['record_class'],
  },
  auditAnchors: {
    name: 'verticals_audit_anchors_total',
    type: 'counter',
    help: 'Attempts to anchor the audit chain heads outside the database, by result (ok, error).',
    labels: ['result'],
    unalerted:
      'Failures show as a stale verticals_audit_anchor_last_success_timestamp_seconds, which is alerted.',
  },
  auditAnchorLastSuccess: {
    name: 'verticals_audit_anchor_last_success_timestamp_seconds',
    type: 'gauge',
    help: 'Unix time of the last audit anchor written outside the database.',
    labels: [],
  },
  jobQueueDepth: {
    name: 'verticals_job_queue_depth',
    type: 'gauge',
    help: 'Jobs waiting in a queue; the worker autoscaler scales on it.',
    labels: ['queue'],
  },
  dbPoolConnections: {
    name: 'verticals_db_pool_connections',
    type: 'gauge',
    help: 'PostgreSQL pool connections of this process, by state (in_use, idle).',
    labels: ['state'],
  },
  dbQueryDuration: {
    name: 'verticals_db_query_duration_seconds',
    type: 'histogram',
    help: 'Time of one PostgreSQL query as the service saw it, pool wait included; dataStores.postgres.slowQuery is a bucket boundary.',
    labels: [],
    buckets: 'db-query',
  },
  dbPoolWaiting: {
    name: 'verticals_db_pool_waiting_clients',
    type: 'gauge',
    help: 'Callers waiting for a PostgreSQL pool connection.',
    labels: [],
  },
  bookingsCreated: {
    name: 'verticals_bookings_created_total',
    type: 'counter',
    help: 'Bookings created, by market.',
    labels: ['market'],
  },
  bookingsCompleted: {
    name: 'verticals_bookings_completed_total',
    type: 'counter',
    help: 'Bookings that took place, by market.',
    labels: ['market'],
  },
  payments: {
    name: 'verticals_payments_total',
    type: 'counter',
    help: 'Payment attempts by market and result (succeeded, failed).',
    labels: ['market', 'result'],
  },
  providerUtilization: {
    name: 'verticals_provider_utilization_ratio',
    type: 'gauge',
    help: 'Share of providers’ offered time that is booked, by market (0 to 1).',
    labels: ['market'],
  },
  revenue: {
    name: 'verticals_revenue_total',
    type: 'counter',
    help: 'Revenue of succeeded payments in major units of the configured currency.',
    labels: ['market', 'currency'],
  },
} as const satisfies Record<string, MetricDefinition>

/** The key of a contract metric. */
export type MetricKey = keyof typeof METRICS

/** Every contract metric as a list, in table order. */
export const METRIC_LIST: readonly MetricDefinition[] = Object.values(METRICS)

/**
 * The prefix of the Node.js runtime metrics (prom-client's default collectors: process CPU and memory,
 * event-loop lag, heap, GC) that createMetrics registers beside the contract, so they sort with ours.
 */
export const RUNTIME_PREFIX = 'verticals_'

/** The runtime series the dashboards query, by the name code uses (prom-client's names under RUNTIME_PREFIX). */
export const RUNTIME_METRICS = {
  eventLoopLagP99: `${RUNTIME_PREFIX}nodejs_eventloop_lag_p99_seconds`,
  heapUsed: `${RUNTIME_PREFIX}nodejs_heap_size_used_bytes`,
  heapTotal: `${RUNTIME_PREFIX}nodejs_heap_size_total_bytes`,
  gcDuration: `${RUNTIME_PREFIX}nodejs_gc_duration_seconds`,
  residentMemory: `${RUNTIME_PREFIX}process_resident_memory_bytes`,
} as const

/** Closed label value sets that do not come from the config. */
export const LABEL_VALUES = {
  cacheResult: ['hit', 'miss', 'bypass', 'error'],
  consentResult: ['granted', 'denied', 'error'],
  outcome: ['ok', 'error'],
  paymentResult: ['succeeded', 'failed'],
  poolState: ['in_use', 'idle'],
  statusClass: ['1xx', '2xx', '3xx', '4xx', '5xx', 'client_closed'],
  method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'OTHER'],
} as const

/** A cache lookup outcome. */
export type CacheResult = (typeof LABEL_VALUES.cacheResult)[number]
/** A consent check outcome. */
export type ConsentResult = (typeof LABEL_VALUES.consentResult)[number]
/** Whether a job or append succeeded. */
export type Outcome = (typeof LABEL_VALUES.outcome)[number]
/** A payment outcome. */
export type PaymentResult = (typeof LABEL_VALUES.paymentResult)[number]
