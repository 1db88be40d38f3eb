import type { DeadlineKind } from './dsr/deadlines'

/** Results of a cache lookup: `bypass` when the class is never cached or the breaker is open. */
export type CacheResult = 'hit' | 'miss' | 'bypass' | 'error'
/** Results of a consent check: `error` means PostgreSQL could not answer and the check failed closed. */
export type ConsentResult = 'granted' | 'denied' | 'error'

/**
 * What core reports, shaped after the @verticals/observability contract
 * (verticals_cache_operations_total, verticals_consent_checks_total, verticals_audit_appends_total,
 * verticals_audit_append_duration_seconds, verticals_dsr_requests_open/_overdue/_oldest_open_age_seconds,
 * verticals_retention_runs_total, verticals_retention_rows_purged_total,
 * verticals_retention_last_success_timestamp_seconds, verticals_audit_anchors_total,
 * verticals_audit_anchor_last_success_timestamp_seconds, verticals_db_query_duration_seconds). Typed
 * structurally so any adapter fits.
 */
export interface CoreMetrics {
  /** One cache lookup of a data class. */
  cacheOperation(dataClass: string, result: CacheResult): void
  /** One consent check of a purpose. */
  consentCheck(purpose: string, result: ConsentResult): void
  /** One audit append and how long it took until committed, in seconds. */
  auditAppend(result: 'ok' | 'error', seconds: number): void
  /** The current DSR backlog of one kind (gauges). */
  dsrBacklog(kind: DeadlineKind, open: number, overdue: number, oldestOpenAgeSeconds: number): void
  /** Seconds left before the earliest pending deadline of each breach-notification clock (none listed: none pending). */
  breachNotifications(pending: readonly { jurisdiction: string; to: string; secondsLeft: number }[]): void
  /** One retention run of a record class; `finishedAt` feeds the last-success gauge when ok. */
  retentionRun(
    recordClass: string,
    action: 'delete' | 'anonymize',
    result: 'ok' | 'error',
    rowsPurged: number,
    finishedAt: Date,
  ): void
  /** One attempt to anchor the audit chain heads; `at` feeds the last-success gauge when ok. */
  auditAnchor(result: 'ok' | 'error', at: Date): void
  /**
   * How long one PostgreSQL query of core's took, in seconds (pool wait included; failed queries too).
   * Only an adapter that has it makes core time its queries: without it the pool is used as it is.
   */
  dbQuery(seconds: number): void
}

/** A logger with the levels core uses; pino, console and most loggers fit. */
export interface CoreLogger {
  warn(object: Record<string, unknown>, message: string): void
  error(object: Record<string, unknown>, message: string): void
}

const noop = (): void => {}

/** Fills the methods an adapter leaves out with no-ops, so hot paths call without checks. */
export function completeMetrics(metrics: Partial<CoreMetrics> | undefined): CoreMetrics {
  return {
    cacheOperation: metrics?.cacheOperation?.bind(metrics) ?? noop,
    consentCheck: metrics?.consentCheck?.bind(metrics) ?? noop,
    auditAppend: metrics?.auditAppend?.bind(metrics) ?? noop,
    dsrBacklog: metrics?.dsrBacklog?.bind(metrics) ?? noop,
    breachNotifications: metrics?.breachNotifications?.bind(metrics) ?? noop,
    retentionRun: metrics?.retentionRun?.bind(metrics) ?? noop,
    auditAnchor: metrics?.auditAnchor?.bind(metrics) ?? noop,
    dbQuery: metrics?.dbQuery?.bind(metrics) ?? noop,
  }
}

/** A logger that drops everything: the default when none is given. */
export const silentLogger: CoreLogger = { warn: noop, error: noop }
