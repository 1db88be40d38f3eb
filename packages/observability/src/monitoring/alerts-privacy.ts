import { METRICS } from '../contract'
import { alertRule, family, type MonitoringContext } from './context'
import { num, promDuration, ratio, sorted } from './promql'
import { counter, gauge, sampleCount, seriesName } from './series'
import type { AlertFamily, AlertingRule } from './types'

const TEST_RATE = 1000

/** VerticalsCacheHitRateLow: per cached data class, hits / (hits + misses) below the Redis target. */
export function cacheHitRate(ctx: MonitoringContext): AlertFamily {
  const cfg = ctx.platform.alerts.cacheHitRate
  const target = ctx.platform.dataStores.redis.hitRateTarget
  const name = METRICS.cacheOperations.name
  const classes = cachedClasses(ctx)
  const only = { data_class: classes.join('|') }
  const rule = alertRule(ctx, {
    alert: 'VerticalsCacheHitRateLow',
    expr: `sum by (data_class) (rate(${name}${ctx.own({ result: 'hit' }, only)}[${ctx.rate}])) / sum by (data_class) (rate(${name}${ctx.own({}, { ...only, result: 'hit|miss' })}[${ctx.rate}])) < ${num(ratio(target))}`,
    forSeconds: cfg.for,
    severity: cfg.severity,
    summary: `${ctx.title} cache hit rate below ${num(target)}%`,
    description: `The Redis hit rate of data class {{ $labels.data_class }} has been below ${num(target)}% for ${promDuration(cfg.for)}.`,
  })
  const evalSeconds = ctx.at(cfg.for + 4 * ctx.rateSeconds)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const at = (hitShare: number) =>
    classes.flatMap((c) => [
      counter(
        seriesName(name, { vertical: ctx.vertical.name, data_class: c, result: 'hit' }),
        Math.round(hitShare * TEST_RATE),
        n,
      ),
      counter(
        seriesName(name, { vertical: ctx.vertical.name, data_class: c, result: 'miss' }),
        TEST_RATE - Math.round(hitShare * TEST_RATE),
        n,
      ),
    ])
  const share = ratio(target)
  return family(
    ctx,
    'VerticalsCacheHitRateLow',
    [rule],
    [
      {
        name: 'half the target',
        series: at(share / 2),
        evalSeconds,
        firing: classes.map((c) => ({ rule, labels: { data_class: c } })),
      },
      { name: 'halfway between the target and 100%', series: at((1 + share) / 2), evalSeconds, firing: [] },
    ],
  )
}

/**
 * VerticalsDsrDeadline: per request kind, a warning when the oldest open request has used `dsr.warnAt`
 * of its deadline, and the overdue severity once one is past it (same name: the latter inhibits the former).
 */
export function dsrDeadline(ctx: MonitoringContext): AlertFamily {
  const { dsr, alerts } = ctx.platform
  const warn = ratio(dsr.warnAt)
  const kinds = sorted(Object.entries(dsr.deadlines), ([k]) => k)
  const age = METRICS.dsrOldestOpenAge.name
  const overdue = METRICS.dsrOverdue.name
  const rules = kinds.flatMap(([kind, deadline]) => [
    alertRule(ctx, {
      alert: 'VerticalsDsrDeadline',
      expr: `max by (kind) (${age}${ctx.own({ kind })}) > ${num(warn * deadline)}`,
      severity: alerts.dsrDeadline.severity,
      labels: { stage: 'due-soon', kind },
      summary: `A ${kind} request of ${ctx.title} is close to its deadline`,
      description: `The oldest open ${kind} request has used more than ${num(dsr.warnAt)}% of its ${promDuration(deadline)} deadline.`,
    }),
    alertRule(ctx, {
      alert: 'VerticalsDsrDeadline',
      expr: `max by (kind) (${overdue}${ctx.own({ kind })}) > 0`,
      severity: alerts.dsrDeadline.overdueSeverity,
      labels: { stage: 'overdue', kind },
      summary: `A ${kind} request of ${ctx.title} is past its deadline`,
      description: `At least one ${kind} request has been open longer than its ${promDuration(deadline)} deadline.`,
    }),
  ])
  const evalSeconds = ctx.at(4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const at = (fraction: number, late: number) =>
    kinds.flatMap(([kind, deadline]) => [
      gauge(seriesName(age, { vertical: ctx.vertical.name, kind }), Math.round(fraction * deadline), n),
      gauge(seriesName(overdue, { vertical: ctx.vertical.name, kind }), late, n),
    ])
  const expect = (stages: string[]) =>
    rules
      .filter((r) => stages.includes(r.labels.stage as string))
      .map((rule) => ({ rule, labels: { kind: kindOf(rule) } }))
  return family(ctx, 'VerticalsDsrDeadline', rules, [
    {
      name: 'between the warning point and the deadline',
      series: at((1 + warn) / 2, 0),
      evalSeconds,
      firing: expect(['due-soon']),
    },
    {
      name: 'past the deadline',
      series: at(1 + warn / 2, 1),
      evalSeconds,
      firing: expect(['due-soon', 'overdue']),
    },
    { name: 'before the warning point', series: at(warn / 2, 0), evalSeconds, firing: [] },
  ])
}

const kindOf = (rule: AlertingRule): string => /kind="([^"]+)"/.exec(rule.expr)?.[1] ?? ''

/** Data classes the vertical actually caches (TTL above zero), alphabetically. */
export function cachedClasses(ctx: MonitoringContext): string[] {
  return sorted(
    ctx.vertical.dataClasses.filter((c) => (ctx.platform.dataClasses[c]?.cacheTtl ?? 0) > 0),
    (c) => c,
  )
}
