/** The data stores whose exporter the bundle deploys beside each vertical. */
export const EXPORTER_STORES = ['postgres', 'redis'] as const
export type ExporterStore = (typeof EXPORTER_STORES)[number]

/**
 * `<store>-exporter`: the exporter's Deployment, Service and pod label `app.kubernetes.io/name`, and
 * the last part of its scrape job's name; the down alerts query that job, so the three agree by construction.
 */
export function exporterName(store: ExporterStore): string {
  return `${store}-exporter`
}

/**
 * Series the generated rules may query that Verticals services do not emit: Prometheus's own `up`
 * and the standard exporters'. Everything else a rule or panel queries must be in the contract.
 */
export const EXPORTER_METRICS = {
  up: 'Prometheus (one per scrape target)',
  pg_up: 'postgres-exporter',
  redis_up: 'redis-exporter',
  container_cpu_usage_seconds_total: 'cAdvisor (kubelet)',
  container_memory_working_set_bytes: 'cAdvisor (kubelet)',
  kube_pod_container_resource_limits: 'kube-state-metrics',
  aws_rds_cpuutilization_average: 'cloudwatch-exporter (RDS CPUUtilization)',
} as const

const FUNCTIONS_AND_KEYWORDS = new Set([
  'abs',
  'absent',
  'and',
  'avg',
  'avg_over_time',
  'bool',
  'by',
  'ceil',
  'count',
  'floor',
  'group_left',
  'group_right',
  'histogram_quantile',
  'ignoring',
  'increase',
  'max',
  'min',
  'offset',
  'on',
  'or',
  'rate',
  'round',
  'sum',
  'time',
  'unless',
  'vector',
  'without',
])

/**
 * Series names a PromQL expression reads: identifiers outside label matchers, strings and grouping
 * clauses that are not functions or keywords. Enough for the expressions we generate.
 */
export function seriesNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '$1')
    .replace(/\[[^\]]*\]/g, '[]')
  const names = stripped.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []
  return [...new Set(names.filter((n) => !FUNCTIONS_AND_KEYWORDS.has(n) && !/^\d/.test(n)))].sort()
}
