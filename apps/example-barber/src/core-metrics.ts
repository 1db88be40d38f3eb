import type { CoreMetrics } from '@verticals/core'
import type { VerticalMetrics } from '@verticals/observability'

/** Lets core report cache, consent, audit, DSR and retention events through the metric contract. */
export function coreMetricsOf(metrics: VerticalMetrics): CoreMetrics {
  return {
    cacheOperation: (dataClass, result) => metrics.recordCacheOperation(dataClass, result),
    consentCheck: (purpose, result) => metrics.recordConsentCheck(purpose, result),
    auditAppend: (result, seconds) => metrics.recordAuditAppend(result, seconds),
    dsrBacklog: (kind, open, overdue, oldestOpenAgeSeconds) =>
      metrics.setDsrRequests(kind, { open, overdue, oldestOpenAgeSeconds }),
    retentionRun: (recordClass, _action, result, rowsPurged, finishedAt) =>
      metrics.recordRetentionRun(recordClass, { result, rowsPurged, at: finishedAt }),
  }
}
