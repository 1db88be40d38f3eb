import { METRICS, RUNTIME_METRICS } from '../contract'
import { LATENCY_QUANTILE } from './alerts-http'
import type { MonitoringContext } from './context'
import { errorRatioExpr } from './error-ratio'
import { num, promDuration, ratio } from './promql'
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

/** Contract metric names by key, for queries. */
export const M = Object.fromEntries(Object.entries(METRICS).map(([k, d]) => [k, d.name])) as {
  [K in keyof typeof METRICS]: string
}
const PERCENTILES = [0.5, LATENCY_QUANTILE, 0.99] as const
/** Grafana's rate window for the panel's resolution. */
export const R = '[$__rate_interval]'

/** `rate(<metric>{vertical=...,extra}[$__rate_interval])`. */
export function rateOf(ctx: MonitoringContext) {
  return (name: string, extra: Record<string, string> = {}, regex: Record<string, string> = {}) =>
    `rate(${name}${ctx.own(extra, regex)}${R})`
}

/** Traffic, errors, latency and SLO budget panels; queries use contract metrics or our recorded rules. */
export function trafficPanels(ctx: MonitoringContext): PanelSpec[] {
  const { platform } = ctx
  const v = ctx.own
  const rate = rateOf(ctx)
  const objs = objectives(platform, ctx.vertical)
  const label = (market: string | null) => market ?? 'all markets'
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
      title: 'Error ratio by market',
      description: `Share of requests answered 5xx or given up by their client after ${num(platform.slo.latencyP95 * 1000)} ms (499), as the availability SLI and the error-rate alert count them; the alert fires above ${num(platform.alerts.errorRate.threshold)}%.`,
      unit: 'percentunit',
      queries: [[errorRatioExpr(v, 'market', platform.slo.latencyP95, '$__rate_interval'), '{{market}}']],
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
  ]
}

/** Node.js runtime panels (prom-client's default collectors): event-loop lag, heap and GC time per pod. */
export function runtimePanels(ctx: MonitoringContext): PanelSpec[] {
  const v = ctx.own()
  return [
    {
      title: 'Event-loop lag (p99) by pod',
      description: 'How late timers fire: a busy or blocked event loop delays every request of the pod.',
      unit: 's',
      queries: [[`max by (pod) (${RUNTIME_METRICS.eventLoopLagP99}${v})`, '{{pod}}']],
    },
    {
      title: 'Heap used by pod',
      description: 'V8 heap in use against its current size; steady growth between deployments is a leak.',
      unit: 'bytes',
      queries: [
        [`sum by (pod) (${RUNTIME_METRICS.heapUsed}${v})`, '{{pod}} used'],
        [`sum by (pod) (${RUNTIME_METRICS.heapTotal}${v})`, '{{pod}} total'],
      ],
    },
    {
      title: 'Garbage collection time by kind',
      description: 'Seconds per second spent in GC; above a few percent, requests queue behind it.',
      unit: 's',
      queries: [[`sum by (kind) (rate(${RUNTIME_METRICS.gcDuration}_sum${v}${R}))`, '{{kind}}']],
    },
  ]
}
