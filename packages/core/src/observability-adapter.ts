import type { VerticalMetrics } from '@verticals/observability'
import type { CoreMetrics } from './metrics'

type Recorders = Pick<
  VerticalMetrics,
  | 'recordCacheOperation'
  | 'recordConsentCheck'
  | 'recordAuditAppend'
  | 'setDsrRequests'
  | 'setBreachNotifications'
  | 'recordRetentionRun'
  | 'recordAuditAnchor'
  | 'recordDbQuery'
>

/**
 * Wires core's instruments to the @verticals/observability metric contract:
 * `createPlatform({ ..., metrics: observabilityMetrics(createMetrics(config, { vertical })) })`.
 */
export function observabilityMetrics(metrics: Recorders): CoreMetrics {
  return {
    cacheOperation: (dataClass, result) => metrics.recordCacheOperation(dataClass, result),
    consentCheck: (purpose, result) => metrics.recordConsentCheck(purpose, result),
    auditAppend: (result, seconds) => metrics.recordAuditAppend(result, seconds),
    dsrBacklog: (kind, open, overdue, oldestOpenAgeSeconds) =>
      metrics.setDsrRequests(kind, { open, overdue, oldestOpenAgeSeconds }),
    breachNotifications: (pending) => metrics.setBreachNotifications(pending),
    retentionRun: (recordClass, _action, result, rowsPurged, at) =>
      metrics.recordRetentionRun(recordClass, { result, rowsPurged, at }),
    auditAnchor: (result, at) => metrics.recordAuditAnchor({ result, at }),
    dbQuery: (seconds) => metrics.recordDbQuery(seconds),
  }
}
