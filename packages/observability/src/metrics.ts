import type { ResolvedPlatform } from '@verticals/config-schema'
import { collectDefaultMetrics, Registry } from 'prom-client'
import type { CacheResult, ConsentResult, Outcome, PaymentResult } from './contract'
import { METRICS, RUNTIME_PREFIX, VERTICAL_LABEL } from './contract'
import { keyOf } from './fast-instruments'
import { type Instruments, registerInstruments } from './instruments'
import { LabelGuard, methodLabel, queueLabel, statusClass } from './labels'
import { type Vertical, verticalOf } from './vertical'

/** One served HTTP request as the middleware saw it. */
export interface HttpObservation {
  readonly market: string | undefined
  /** A route template such as `/bookings/:id`, never a raw URL. */
  readonly route: string
  readonly method: string | undefined
  readonly status: number
  readonly seconds: number
}

/** The contract's instruments for one vertical, with recorders that enforce bounded label values. */
export interface VerticalMetrics {
  readonly registry: Registry
  readonly platform: ResolvedPlatform
  readonly vertical: Vertical
  /** The raw prom-client instruments (labels other than `vertical`, which the registry adds). */
  readonly instruments: Instruments
  /** Counts an HTTP request and observes its duration. */
  recordHttpRequest(observation: HttpObservation): void
  /** Counts one cache lookup of a data class. */
  recordCacheOperation(dataClass: string, result: CacheResult): void
  /** Counts one consent check of a purpose. */
  recordConsentCheck(purpose: string, result: ConsentResult): void
  /** Counts one audit-log append and observes how long it took. */
  recordAuditAppend(result: Outcome, seconds: number): void
  /** Sets the data-subject request gauges of one kind (call it after each scan of open requests). */
  setDsrRequests(kind: string, state: { open: number; overdue: number; oldestOpenAgeSeconds: number }): void
  /**
   * Replaces the breach-notification gauges: one series per pending clock (jurisdiction and addressee
   * kind) with the seconds left before its earliest deadline; clocks not listed have no series.
   */
  setBreachNotifications(pending: readonly { jurisdiction: string; to: string; secondsLeft: number }[]): void
  /** Counts one retention run of a record class; a successful run also stamps its time. */
  recordRetentionRun(recordClass: string, run: { result: Outcome; rowsPurged: number; at?: Date }): void
  /** Counts one attempt to anchor the audit chain heads; a successful one also stamps its time. */
  recordAuditAnchor(run: { result: Outcome; at?: Date }): void
  /** Sets the depth of a job queue (the worker autoscaler reads it). */
  setJobQueueDepth(queue: string, depth: number): void
  /** Sets the PostgreSQL pool gauges of this process. */
  setDbPool(state: { inUse: number; idle: number; waiting: number }): void
  /** Observes how long one PostgreSQL query took, pool wait included (the fast-query share reads it). */
  recordDbQuery(seconds: number): void
  /** Counts a booking created in a market. */
  recordBookingCreated(market: string | undefined): void
  /** Counts a booking that took place in a market. */
  recordBookingCompleted(market: string | undefined): void
  /** Sets the share (0 to 1) of providers' offered time that is booked in a market. */
  setProviderUtilization(market: string | undefined, ratio: number): void
  /** Counts a payment; a succeeded one adds `amount` (major units of the configured currency) to revenue. */
  recordPayment(market: string | undefined, result: PaymentResult, amount?: number): void
}

/** Options of createMetrics. */
export interface MetricsOptions {
  /** The vertical whose service this is; its name becomes the `vertical` label. */
  readonly vertical: string
  /** Registry to register in (one vertical per registry); a new one by default. */
  readonly registry?: Registry
  /** Node.js runtime metrics (prom-client's default collectors under RUNTIME_PREFIX); on by default. */
  readonly runtime?: boolean
}

/** Registers the metric contract for one vertical and returns typed recorders. */
export function createMetrics(platform: ResolvedPlatform, options: MetricsOptions): VerticalMetrics {
  const vertical = verticalOf(platform, options.vertical)
  const registry = options.registry ?? new Registry()
  registry.setDefaultLabels({ [VERTICAL_LABEL]: vertical.name })
  const m = registerInstruments(platform, registry)
  if (options.runtime !== false) collectDefaultMetrics({ register: registry, prefix: RUNTIME_PREFIX })
  const guard = new LabelGuard(platform, vertical)
  const action = (recordClass: string) => platform.retention.recordClasses[recordClass]?.action ?? 'delete'
  const currency = platform.monitoring.business.revenueCurrency
  return {
    registry,
    platform,
    vertical,
    instruments: m,
    recordHttpRequest(o) {
      const labels = {
        market: guard.market(o.market),
        route: o.route,
        method: methodLabel(o.method),
        status_class: statusClass(o.status),
      }
      // Both HTTP instruments share label names, so one key serves both.
      const key = keyOf(METRICS.httpRequests.labels, labels)
      m.httpRequests.incKeyed(key, labels)
      m.httpRequestDuration.observeKeyed(key, labels, o.seconds)
    },
    recordCacheOperation: (dataClass, result) =>
      m.cacheOperations.inc({ data_class: guard.dataClass(dataClass), result }),
    recordConsentCheck: (purpose, result) => m.consentChecks.inc({ purpose: guard.purpose(purpose), result }),
    recordAuditAppend(result, seconds) {
      m.auditAppends.inc({ result })
      m.auditAppendDuration.observe({}, seconds)
    },
    setDsrRequests(kind, state) {
      const labels = { kind: guard.dsrKind(kind) }
      m.dsrOpen.set(labels, state.open)
      m.dsrOverdue.set(labels, state.overdue)
      m.dsrOldestOpenAge.set(labels, state.oldestOpenAgeSeconds)
    },
    setBreachNotifications(pending) {
      const labelled = pending.map((p) => ({
        labels: guard.breachClock(p.jurisdiction, p.to),
        value: p.secondsLeft,
      }))
      m.breachNotificationSecondsLeft.reset()
      for (const { labels, value } of labelled) m.breachNotificationSecondsLeft.set(labels, value)
    },
    recordRetentionRun(recordClass, run) {
      const record_class = guard.recordClass(recordClass)
      m.retentionRuns.inc({ record_class, result: run.result })
      m.retentionRowsPurged.inc({ record_class, action: action(record_class) }, run.rowsPurged)
      if (run.result === 'ok')
        m.retentionLastSuccess.set({ record_class }, (run.at ?? new Date()).getTime() / 1000)
    },
    recordAuditAnchor(run) {
      m.auditAnchors.inc({ result: run.result })
      if (run.result === 'ok') m.auditAnchorLastSuccess.set((run.at ?? new Date()).getTime() / 1000)
    },
    setJobQueueDepth: (queue, depth) => m.jobQueueDepth.set({ queue: queueLabel(queue) }, depth),
    setDbPool(state) {
      m.dbPoolConnections.set({ state: 'in_use' }, state.inUse)
      m.dbPoolConnections.set({ state: 'idle' }, state.idle)
      m.dbPoolWaiting.set(state.waiting)
    },
    recordDbQuery: (seconds) => m.dbQueryDuration.observe({}, seconds),
    recordBookingCreated: (market) => m.bookingsCreated.inc({ market: guard.market(market) }),
    recordBookingCompleted: (market) => m.bookingsCompleted.inc({ market: guard.market(market) }),
    setProviderUtilization: (market, ratio) =>
      m.providerUtilization.set({ market: guard.market(market) }, ratio),
    recordPayment(market, result, amount) {
      const labelled = guard.market(market)
      m.payments.inc({ market: labelled, result })
      if (result === 'succeeded' && amount !== undefined && amount > 0)
        m.revenue.inc({ market: labelled, currency }, amount)
    },
  }
}
