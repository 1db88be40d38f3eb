import { METRICS } from '../contract'
import { cachedClasses, LATENCY_QUANTILE } from './alerts-http'
import type { MonitoringContext } from './context'
import { num, promDuration, ratio, sorted } from './promql'
import { budgets, objectives } from './slo'
import { recordName } from './slo-rules'

/** What a panel shows, before layout. */
export interface PanelSpec {
  readonly title: string
  readonly description: string
  readonly type?: 'timeseries' | 'stat' | 'bargauge'
  readonly unit: string
  readonly queries: readonly (readonly [expr: string, legend: string])[]
  /** Threshold steps as [color, from]; the first starts at null (minus infinity). */
  readonly steps?: readonly (readonly [string, number | null])[]
  readonly min?: number
  readonly max?: number
}

const M = Object.fromEntries(Object.entries(METRICS).map(([k, d]) => [k, d.name])) as {
  [K in keyof typeof METRICS]: string
}
const PERCENTILES = [0.5, LATENCY_QUANTILE, 0.99] as const
const R = '[$__rate_interval]'

/** The panels of a vertical's dashboard, in reading order; every query uses contract metrics or our recorded rules. */
export function panelSpecs(ctx: MonitoringContext): PanelSpec[] {
  const { platform } = ctx
  const v = ctx.own
  const rate = (name: string, extra: Record<string, string> = {}, regex: Record<string, string> = {}) =>
    `rate(${name}${v(extra, regex)}${R})`
  const objs = objectives(platform, ctx.vertical)
  const label = (market: string | null) => market ?? 'all markets'
  const kinds = sorted(Object.entries(platform.dsr.deadlines), ([k]) => k)
  const currency = platform.monitoring.business.revenueCurrency
  const budgetPanel = (sli: 'availability' | 'latency'): PanelSpec => ({
    title: `${sli === 'availability' ? 'Availability' : 'Latency'} error budget remaining (${promDuration(platform.slo.period)})`,
    description:
      'Share of the error budget of the SLO period still unspent; below zero the objective is missed.',
    type: 'bargauge',
    unit: 'percentunit',
    queries: objs.map((o) => [
      `1 - (${recordName(o, sli, platform.slo.period)}${v(o.market ? { market: o.market } : {})} / ${num(budgets(o)[sli])})`,
      label(o.market),
    ]),
    steps: [
      ['red', null],
      ['green', 0],
    ],
    max: 1,
  })
  return [
    {
      title: 'Request rate by market',
      description: 'Requests per second.',
      unit: 'reqps',
      queries: [[`sum by (market) (${rate(M.httpRequests)})`, '{{market}}']],
    },
    {
      title: 'Error ratio (5xx) by market',
      description: `Share of 5xx responses; the error-rate alert fires above ${num(platform.alerts.errorRate.threshold)}%.`,
      unit: 'percentunit',
      queries: [
        [
          `sum by (market) (${rate(M.httpRequests, { status_class: '5xx' })}) / sum by (market) (${rate(M.httpRequests)})`,
          '{{market}}',
        ],
      ],
      steps: [
        ['green', null],
        ['red', ratio(platform.alerts.errorRate.threshold)],
      ],
    },
    {
      title: 'Latency percentiles (all markets)',
      description: `p50, p95 and p99 of request duration; the platform objective is p95 under ${num(platform.slo.latencyP95 * 1000)} ms.`,
      unit: 's',
      queries: PERCENTILES.map((q) => [
        `histogram_quantile(${q}, sum by (le) (${rate(`${M.httpRequestDuration}_bucket`)}))`,
        `p${num(q * 100)}`,
      ]),
      steps: [
        ['green', null],
        ['red', platform.slo.latencyP95],
      ],
    },
    {
      title: 'p95 latency against each market’s target',
      description:
        'p95 of each market divided by its tier (or own) latency objective: above 100% the target is missed.',
      unit: 'percentunit',
      queries: objs
        .filter((o) => o.market)
        .map((o) => [
          `histogram_quantile(${LATENCY_QUANTILE}, sum by (le) (${rate(`${M.httpRequestDuration}_bucket`, { market: o.market as string })})) / ${num(o.latency)}`,
          `${o.market} (${num(o.latency * 1000)} ms)`,
        ]),
      steps: [
        ['green', null],
        ['red', 1],
      ],
    },
    budgetPanel('availability'),
    budgetPanel('latency'),
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
  ]
}
