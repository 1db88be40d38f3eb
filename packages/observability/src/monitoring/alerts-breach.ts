import { METRICS } from '../contract'
import { alertRule, family, type MonitoringContext } from './context'
import { num, promDuration } from './promql'
import { gauge, sampleCount, seriesName } from './series'
import type { AlertFamily } from './types'

/**
 * VerticalsBreachNotificationDue: per pending notification of an open personal-data breach (its
 * jurisdiction and addressee), `alerts.breachNotification.before` ahead of the deadline, and again
 * (stage overdue) once it has passed. The clocks come from the law and `incidents.breachNotification`;
 * only clocks with a deadline or a target ever have a series.
 */
export function breachNotification(ctx: MonitoringContext): AlertFamily {
  const { alertBefore, severity, clocks } = ctx.platform.breachNotification
  const left = METRICS.breachNotificationSecondsLeft.name
  const timed = clocks.filter((c) => c.deadline !== null || c.target !== null)
  const rules = [
    alertRule(ctx, {
      alert: 'VerticalsBreachNotificationDue',
      expr: `min by (jurisdiction, to) (${left}${ctx.own()}) < ${num(alertBefore)}`,
      severity,
      labels: { stage: 'due-soon' },
      summary: `A breach notification of ${ctx.title} is due within ${promDuration(alertBefore)}`,
      description: `The notification of an open personal-data breach to {{ $labels.to }} under {{ $labels.jurisdiction }} law is due within ${promDuration(alertBefore)}: send it and record it with incidents.notified().`,
    }),
    alertRule(ctx, {
      alert: 'VerticalsBreachNotificationDue',
      expr: `min by (jurisdiction, to) (${left}${ctx.own()}) <= 0`,
      severity,
      labels: { stage: 'overdue' },
      summary: `A breach notification of ${ctx.title} is past its deadline`,
      description:
        'The notification of an open personal-data breach to {{ $labels.to }} under {{ $labels.jurisdiction }} law is past its deadline: send it now, with the reasons for the delay.',
    }),
  ]
  const [dueSoon, overdue] = rules as [(typeof rules)[0], (typeof rules)[0]]
  const evalSeconds = ctx.at(2 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const at = (seconds: number) =>
    timed.map((c) =>
      gauge(
        seriesName(left, { vertical: ctx.vertical.name, jurisdiction: c.jurisdiction, to: c.to }),
        seconds,
        n,
      ),
    )
  const firing = (rule: typeof dueSoon) =>
    timed.map((c) => ({ rule, labels: { jurisdiction: c.jurisdiction, to: c.to } }))
  return family(ctx, 'VerticalsBreachNotificationDue', rules, [
    {
      name: 'half the alert lead before the deadline',
      series: at(alertBefore / 2),
      evalSeconds,
      firing: firing(dueSoon),
    },
    {
      name: 'past the deadline',
      series: at(-ctx.testInterval),
      evalSeconds,
      firing: [...firing(dueSoon), ...firing(overdue)],
    },
    {
      name: 'twice the alert lead before the deadline',
      series: at(2 * alertBefore),
      evalSeconds,
      firing: [],
    },
  ])
}
