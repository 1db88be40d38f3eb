import type { VerticalMetrics } from '../metrics'

/** Records one value on every instrument of the contract, as a busy service would. */
export function exerciseEveryInstrument(metrics: VerticalMetrics): void {
  const v = metrics.vertical
  const market = v.markets[0]
  metrics.recordHttpRequest({ market, route: '/bookings/:id', method: 'GET', status: 200, seconds: 0.042 })
  metrics.recordHttpRequest({ market, route: '/bookings', method: 'POST', status: 503, seconds: 0.7 })
  for (const dataClass of v.dataClasses) metrics.recordCacheOperation(dataClass, 'hit')
  for (const purpose of v.purposes) metrics.recordConsentCheck(purpose, 'denied')
  metrics.recordAuditAppend('ok', 0.003)
  metrics.setDsrRequests('erasure', { open: 2, overdue: 1, oldestOpenAgeSeconds: 90_000 })
  metrics.recordRetentionRun('system', { result: 'ok', rowsPurged: 120, at: new Date(0) })
  metrics.setJobQueueDepth('booking', 12)
  metrics.setDbPool({ inUse: 40, idle: 10, waiting: 0 })
  metrics.recordDbQuery(0.004)
  metrics.recordBookingCreated(market)
  metrics.recordBookingCompleted(market)
  metrics.setProviderUtilization(market, 0.8)
  metrics.recordPayment(market, 'succeeded', 15_000)
  metrics.recordPayment(market, 'failed')
}
