export {
  BASE_LATENCY_BUCKETS,
  dbQueryBuckets,
  httpLatencyBuckets,
  latencyTargets,
  leLabel,
  leMatcher,
} from './buckets'
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
  RUNTIME_METRICS,
  RUNTIME_PREFIX,
  VERTICAL_LABEL,
} from './contract'
export {
  type AuditStorage,
  CONFIG_MOUNT,
  CONTAINER_USER,
  DEPLOYMENT_ENV,
  DEPLOYMENT_NODE_ENV,
  deploymentEnvValues,
  EXPORTER_SECRET_ENV,
  MONITORING_ROLE,
  MONITORING_SECRET_KEYS,
  type PlainDeploymentEnv,
  PORT_NAME,
  REDIS_EXPORTER_COMMANDS,
  REDIS_MONITORING_USER,
  redisExporterAcl,
  runtimeSecretName,
  SECRET_ENV,
  serviceAccountName,
  WRITABLE_MOUNT,
} from './deployment-contract'
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
  CLIENT_CLOSED,
  createHttpMiddleware,
  type HttpInstrumentationOptions,
  type HttpMiddleware,
  instrumentHandler,
} from './http'
export type { Instruments } from './instruments'
export { CLIENT_CLOSED_CLASS, methodLabel, statusClass, UNKNOWN_MARKET } from './labels'
export { createLogger, type LoggerOptions, requestLogger } from './logger'
export { MARKET_HEADER, marketRecognizer, VIEWER_HEADERS, viewerHeadersUsed } from './markets'
export { createMetrics, type HttpObservation, type MetricsOptions, type VerticalMetrics } from './metrics'
export { METRICS_PATH, metricsHandler } from './metrics-handler'
export {
  ALERTMANAGER_SECRETS_DIR,
  alertmanagerConfig,
  alertmanagerRouteCases,
  DATABASE_ALERTS,
  DEAD_MANS_SWITCH_RECEIVER,
  escalationRoles,
  INHIBIT_EQUAL,
  type RouteCase,
  routedVerticals,
} from './monitoring/alertmanager'
export { AUDIT_ANCHOR_STALE_FACTOR } from './monitoring/alerts-audit'
export { sliMissingFor, WATCHDOG_SEVERITY } from './monitoring/alerts-blind'
export { LATENCY_QUANTILE } from './monitoring/alerts-http'
export { RETENTION_STALE_FACTOR } from './monitoring/alerts-operations'
export { dashboard, dashboardUid } from './monitoring/dashboard'
export {
  type Dashboard,
  dashboardSchema,
  GRAFANA_SCHEMA_VERSION,
  type Panel,
} from './monitoring/dashboard-schema'
export {
  EXPORTER_METRICS,
  EXPORTER_STORES,
  type ExporterStore,
  exporterName,
  seriesNames,
} from './monitoring/exporters'
export { buildMonitoring, buildPlatformMonitoring, type MonitoringBuild } from './monitoring/index'
export { promDuration } from './monitoring/promql'
export { type RuleTestFile, renderAnnotation, ruleTestFile } from './monitoring/rule-tests'
export { alertFamilies, type RuleSet, ruleSets } from './monitoring/rules'
export { type AlertName, RUNBOOK_ANCHORS, runbookPath, runbookUrl } from './monitoring/runbook'
export { scrapeConfig } from './monitoring/scrape'
export { burnRateSeverities, severitiesByUrgency } from './monitoring/severities'
export {
  type BurnWindow,
  burnWindows,
  objectives,
  REFERENCE_BURN_WINDOWS,
  REFERENCE_PERIOD_SECONDS,
  type SloObjective,
} from './monitoring/slo'
export { sloBudgetRules, sloRecordingRules } from './monitoring/slo-rules'
export { type MaintenanceInterval, maintenanceIntervals } from './monitoring/time-intervals'
export type {
  AlertFamily,
  AlertingRule,
  AlertScenario,
  RecordingRule,
  RuleFile,
  RuleGroup,
  TestSeries,
} from './monitoring/types'
export { REDACTED, redactionPaths, SECRET_FIELDS, sensitiveFields } from './redaction'
export { currentRequestContext, REQUEST_ID_HEADER, type RequestContext, requestIdOf } from './request-context'
export { NOT_FOUND_ROUTE, OTHER_ROUTE, RouteTemplater } from './routes'
export { type Vertical, verticalOf } from './vertical'
