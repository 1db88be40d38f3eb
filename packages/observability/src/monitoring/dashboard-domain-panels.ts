import { LATENCY_QUANTILE } from './alerts-http'
import { cachedClasses } from './alerts-privacy'
import type { MonitoringContext } from './context'
import { M, type PanelSpec, R, rateOf } from './dashboard-panels'
import { num, promDuration, ratio, sorted } from './promql'
import { FAST_QUERIES_RECORD } from './slo-rules'

/** Privacy, business and operations panels: cache, consent, DSR, bookings, payments, retention, audit, queues, pool. */
export function domainPanels(ctx: MonitoringContext): PanelSpec[] {
  const { platform } = ctx
  const v = ctx.own
  const rate = rateOf(ctx)
  const kinds = sorted(Object.entries(platform.dsr.deadlines), ([k]) => k)
  const currency = platform.monitoring.business.revenueCurrency
  const utilization = platform.monitoring.business.providerUtilization
  return [
    {
      title: 'Cache hit rate by data class',
      description: `Redis hits / (hits + misses); the target is ${num(platform.dataStores.redis.hitRateTarget)}%. Never-cached classes count as bypass.`,
      unit: 'percentunit',
      queries: [
        [
          `sum by (data_class) (${rate(M.cacheOperations, { result: 'hit' }, { data_class: cachedClasses(ctx).join('|') })}) / sum by (data_class) (${rate(M.cacheOperations, {}, { result: 'hit|miss' })})`,
          '{{data_class}}',
        ],
      ],
      steps: [
        ['red', null],
        ['green', ratio(platform.dataStores.redis.hitRateTarget)],
      ],
      max: 1,
    },
    {
      title: 'Consent denials and errors by purpose',
      description: 'Checks that refused processing (errors fail closed).',
      unit: 'ops',
      queries: [
        [
          `sum by (purpose, result) (${rate(M.consentChecks, {}, { result: 'denied|error' })})`,
          '{{purpose}} {{result}}',
        ],
      ],
    },
    {
      title: 'Data-subject requests open and overdue',
      description: 'Open requests by kind, and those past their deadline.',
      unit: 'short',
      queries: [
        [`sum by (kind) (${M.dsrOpen}${v()})`, 'open {{kind}}'],
        [`sum by (kind) (${M.dsrOverdue}${v()})`, 'overdue {{kind}}'],
      ],
    },
    {
      title: 'Oldest open request against its deadline',
      description: `Age of the oldest open request of each kind as a share of its deadline; the warning comes at ${num(platform.dsr.warnAt)}%.`,
      unit: 'percentunit',
      queries: kinds.map(([kind, deadline]) => [
        `max(${M.dsrOldestOpenAge}${v({ kind })}) / ${deadline}`,
        `${kind} (${promDuration(deadline)})`,
      ]),
      steps: [
        ['green', null],
        ['orange', ratio(platform.dsr.warnAt)],
        ['red', 1],
      ],
    },
    {
      title: 'Bookings created and completed',
      description: 'Per second, by market.',
      unit: 'ops',
      queries: [
        [`sum by (market) (${rate(M.bookingsCreated)})`, 'created {{market}}'],
        [`sum by (market) (${rate(M.bookingsCompleted)})`, 'completed {{market}}'],
      ],
    },
    {
      title: 'Payment success rate',
      description: `Succeeded / all payment attempts; the target is ${num(platform.monitoring.business.paymentSuccessRate)}%.`,
      unit: 'percentunit',
      queries: [
        [`sum(${rate(M.payments, { result: 'succeeded' })}) / sum(${rate(M.payments)})`, 'success rate'],
        [`sum(${rate(M.bookingsCompleted)}) / sum(${rate(M.bookingsCreated)})`, 'booking completion'],
      ],
      steps: [
        ['red', null],
        ['green', ratio(platform.monitoring.business.paymentSuccessRate)],
      ],
      max: 1,
    },
    {
      title: 'Provider utilization by market',
      description: `Booked share of providers’ offered time; the healthy band is ${num(utilization.min)}–${num(utilization.max)}%.`,
      unit: 'percentunit',
      queries: [[`max by (market) (${M.providerUtilization}${v()})`, '{{market}}']],
      steps: [
        ['orange', null],
        ['green', ratio(utilization.min)],
        ['orange', ratio(utilization.max)],
      ],
      min: 0,
      max: 1,
    },
    {
      title: `Revenue (${currency}) in the time range`,
      description: `Succeeded payments in ${currency}, by market.`,
      type: 'stat',
      unit: 'short',
      queries: [[`sum by (market) (increase(${M.revenue}${v({ currency })}[$__range]))`, '{{market}}']],
    },
    {
      title: 'Retention: rows purged and failed runs',
      description: 'Rows deleted or anonymized per second, and failed runs, by record class.',
      unit: 'short',
      queries: [
        [`sum by (record_class, action) (${rate(M.retentionRowsPurged)})`, '{{record_class}} {{action}}'],
        [
          `sum by (record_class) (increase(${M.retentionRuns}${v({ result: 'error' })}${R}))`,
          'failed {{record_class}}',
        ],
      ],
    },
    {
      title: 'Time since the last successful retention run',
      description: `By record class; the retention-stale alert fires after ${promDuration(2 * platform.retention.runEvery)}.`,
      unit: 's',
      queries: [[`time() - max by (record_class) (${M.retentionLastSuccess}${v()})`, '{{record_class}}']],
      steps: [
        ['green', null],
        ['red', 2 * platform.retention.runEvery],
      ],
    },
    {
      title: 'Audit log appends',
      description: 'Appends per second by result.',
      unit: 'ops',
      queries: [[`sum by (result) (${rate(M.auditAppends)})`, '{{result}}']],
    },
    {
      title: 'Audit append p95 duration',
      description: 'Time to append one entry to the tamper-evident log.',
      unit: 's',
      queries: [
        [
          `histogram_quantile(${LATENCY_QUANTILE}, sum by (le) (${rate(`${M.auditAppendDuration}_bucket`)}))`,
          'p95',
        ],
      ],
    },
    {
      title: 'Job queue depth',
      description: 'Jobs waiting, by queue; worker autoscaling follows it.',
      unit: 'short',
      queries: [[`sum by (queue) (${M.jobQueueDepth}${v()})`, '{{queue}}']],
    },
    {
      title: 'PostgreSQL pool',
      description: `Connections in use per instance (alarm at ${platform.dataStores.postgres.pool.alarmAt} of ${platform.dataStores.postgres.pool.max}) and callers waiting.`,
      unit: 'short',
      queries: [
        [`max by (instance) (${M.dbPoolConnections}${v({ state: 'in_use' })})`, 'in use {{instance}}'],
        [`sum(${M.dbPoolWaiting}${v()})`, 'waiting'],
      ],
      steps: [
        ['green', null],
        ['red', platform.dataStores.postgres.pool.alarmAt],
      ],
      max: platform.dataStores.postgres.pool.max,
    },
    {
      title: 'PostgreSQL fast queries',
      description: `Share of queries faster than ${num(platform.dataStores.postgres.slowQuery * 1000)} ms (dataStores.postgres.slowQuery); the objective is ${num(platform.dataStores.postgres.fastQueryTarget)}% (fastQueryTarget).`,
      unit: 'percentunit',
      queries: [[`${FAST_QUERIES_RECORD}${v()}`, 'faster than slowQuery']],
      steps: [
        ['red', null],
        ['green', ratio(platform.dataStores.postgres.fastQueryTarget)],
      ],
      max: 1,
    },
  ]
}
