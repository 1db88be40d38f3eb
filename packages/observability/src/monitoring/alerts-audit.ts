import { METRICS } from '../contract'
import { alertRule, family, type MonitoringContext } from './context'
import { promDuration } from './promql'
import { gauge, sampleCount, seriesName } from './series'
import type { AlertFamily, AlertingRule } from './types'

/** How many anchor intervals may pass without a successful anchor. */
export const AUDIT_ANCHOR_STALE_FACTOR = 2

/**
 * VerticalsAuditAnchorStale: no audit anchor was written outside the database for twice
 * `audit.anchor.every`. Until the next anchor, a truncated or rewritten audit tail goes undetected.
 */
export function auditAnchorStale(ctx: MonitoringContext): AlertFamily {
  const { audit, alerts } = ctx.platform
  const every = audit.anchor.every
  const limit = AUDIT_ANCHOR_STALE_FACTOR * every
  const severity = (alerts.auditAnchorStale ?? alerts.retentionStale).severity
  const name = METRICS.auditAnchorLastSuccess.name
  const rules = [
    alertRule(ctx, {
      alert: 'VerticalsAuditAnchorStale',
      // A service that has not anchored yet reports 0: that is "never", not "stale since 1970".
      expr: `time() - max by (vertical) (${name}${ctx.own()} > 0) > ${limit}`,
      severity,
      labels: { stage: 'stale' },
      summary: `Audit chains of ${ctx.title} are not anchored`,
      description: `No audit anchor has been written outside the database for more than ${promDuration(limit)} (anchors every ${promDuration(every)}); a rewritten audit tail would go unnoticed.`,
    }),
    alertRule(ctx, {
      alert: 'VerticalsAuditAnchorStale',
      expr: `absent(${name}${ctx.own()} > 0)`,
      forSeconds: limit,
      severity,
      labels: { stage: 'never-ran' },
      summary: `Audit chains of ${ctx.title} have never been anchored`,
      description: `No audit anchor has been reported for ${promDuration(limit)}.`,
    }),
  ]
  // One sample per anchor interval, at most hourly (so hourly anchors share the retention test file).
  const interval = Math.max(60, Math.min(3600, Math.floor(every)))
  const evalSeconds = limit + every
  const n = sampleCount(evalSeconds, interval)
  const lastAnchor = (at: number) => [gauge(seriesName(name, { vertical: ctx.vertical.name }), at, n)]
  const [stale, never] = rules as [AlertingRule, AlertingRule]
  return family(
    ctx,
    'VerticalsAuditAnchorStale',
    rules,
    [
      {
        name: 'last anchor longer ago than the limit',
        series: lastAnchor(1),
        evalSeconds,
        firing: [{ rule: stale, labels: { vertical: ctx.vertical.name } }],
      },
      {
        name: 'started and never anchored (the gauge reports 0)',
        series: lastAnchor(0),
        evalSeconds,
        firing: [{ rule: never, labels: { vertical: ctx.vertical.name } }],
      },
      {
        name: 'never anchored',
        series: [gauge(seriesName('up', { job: 'unrelated' }), 1, n)],
        evalSeconds,
        firing: [{ rule: never, labels: { vertical: ctx.vertical.name } }],
      },
      {
        name: 'anchored within the interval',
        series: lastAnchor(evalSeconds - every / 2),
        evalSeconds,
        firing: [],
      },
    ],
    interval,
    interval,
  )
}
