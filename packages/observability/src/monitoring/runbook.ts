/**
 * Anchors of the sections of `<vertical>/runbooks/incident-response.md` (written by the compliance
 * bundle). Each alert's `runbook_url` points at one; the names are a contract: never rename one.
 */
export const RUNBOOK_ANCHORS = {
  VerticalsServiceDown: 'service-down',
  VerticalsPostgresDown: 'postgres-down',
  VerticalsRedisDown: 'redis-down',
  VerticalsLatencyHigh: 'latency-high',
  VerticalsErrorRateHigh: 'error-rate-high',
  VerticalsErrorCountHigh: 'error-count-high',
  VerticalsCpuHigh: 'cpu-high',
  VerticalsMemoryHigh: 'memory-high',
  VerticalsDatabaseCpuHigh: 'database-cpu-high',
  VerticalsDbPoolSaturation: 'db-pool-saturation',
  VerticalsCacheHitRateLow: 'cache-hit-rate-low',
  VerticalsDsrDeadline: 'dsr-deadline',
  VerticalsBreachNotificationDue: 'breach-notification-due',
  VerticalsRetentionStale: 'retention-stale',
  VerticalsAuditAnchorStale: 'audit-anchor-stale',
  VerticalsPaymentSuccessLow: 'payment-success-low',
  VerticalsAvailabilityBudgetBurn: 'availability-budget-burn',
  VerticalsLatencyBudgetBurn: 'latency-budget-burn',
  VerticalsSliMissing: 'sli-missing',
  VerticalsWatchdog: 'watchdog',
} as const

/** An alert name with a runbook section. */
export type AlertName = keyof typeof RUNBOOK_ANCHORS

/** Path of the runbook inside the bundle, relative to its root. */
export function runbookPath(vertical: string): string {
  return `${vertical}/runbooks/incident-response.md`
}

/**
 * The `runbook_url` annotation of an alert: the runbook with the alert's anchor, absolute under
 * `baseUrl` (`monitoring.runbookBaseUrl`, where the bundle is published) or relative to the bundle.
 */
export function runbookUrl(vertical: string, alert: AlertName, baseUrl?: string): string {
  const path = `${runbookPath(vertical)}#${RUNBOOK_ANCHORS[alert]}`
  return baseUrl ? `${baseUrl}/${path}` : path
}
