import type { ResolvedPlatform } from '@verticals/config-schema'
import { METRICS } from '../contract'
import type { Vertical } from '../vertical'
import { alertRule, family, type MonitoringContext, monitoringContext } from './context'
import { jobName, promDuration, sorted } from './promql'
import { runbookUrl } from './runbook'
import { counter, gauge, sampleCount, seriesName } from './series'
import { burnRateSeverities } from './severities'
import { burnWindows } from './slo'
import type { AlertFamily, AlertingRule } from './types'

/** Severity label of the Watchdog: no incident severity, so no escalation route or inhibition takes it. */
export const WATCHDOG_SEVERITY = 'none'

/**
 * VerticalsWatchdog: always firing. Alertmanager routes it to the dead man's switch receiver, which
 * raises the alarm when the heartbeat stops: then the rules, Prometheus or Alertmanager are down.
 */
export function watchdog(ctx: MonitoringContext): AlertFamily {
  const rule: AlertingRule = {
    alert: 'VerticalsWatchdog',
    expr: 'vector(1)',
    labels: { severity: WATCHDOG_SEVERITY, vertical: ctx.vertical.name },
    annotations: {
      summary: `Monitoring of ${ctx.title} is alive`,
      description:
        'Always firing, by design: the dead man’s switch receiver expects it; when it stops arriving, the alerting pipeline is broken.',
      runbook_url: runbookUrl(ctx.vertical.name, 'VerticalsWatchdog', ctx.platform.monitoring.runbookBaseUrl),
    },
  }
  const n = sampleCount(ctx.evaluation, ctx.testInterval)
  return family(
    ctx,
    'VerticalsWatchdog',
    [rule],
    [
      {
        name: 'always',
        series: [gauge(seriesName('up', { job: 'unrelated' }), 1, n)],
        evalSeconds: ctx.evaluation,
        firing: [{ rule, labels: {} }],
      },
    ],
  )
}

/**
 * How long the request series may be missing while a workload answers scrapes: the shortest SLO
 * window (its recordings are empty by then) and never less than the service-down delay.
 */
export function sliMissingFor(platform: ResolvedPlatform, vertical: Vertical): number {
  const ctx = monitoringContext(platform, vertical)
  const { page, ticket } = burnWindows(platform.slo.period)
  const shortest = Math.min(...[...page, ...ticket].map((w) => w.short))
  return ctx.at(Math.max(shortest, platform.alerts.serviceDown.for))
}

/**
 * VerticalsSliMissing: a workload of the vertical answers scrapes but its request counter (what
 * every SLI is computed from) is gone, e.g. the middleware was dropped in a rollout: the burn-rate
 * alerts would stay silent through any outage. Opens a ticket (burn-rate ticket severity); a down
 * service is ServiceDown's.
 */
export function sliMissing(ctx: MonitoringContext): AlertFamily {
  const jobs = sorted(Object.values(ctx.vertical.workloads), (w) => w.name).map((w) =>
    jobName(ctx.platform, ctx.vertical, w.name),
  )
  const requests = METRICS.httpRequests.name
  const forSeconds = sliMissingFor(ctx.platform, ctx.vertical)
  const rule = alertRule(ctx, {
    alert: 'VerticalsSliMissing',
    expr: `absent(${requests}${ctx.own()}) and on () (sum(up{job=~${JSON.stringify(jobs.join('|'))}}) > 0)`,
    forSeconds,
    severity: burnRateSeverities(ctx.platform).ticket,
    summary: `${ctx.title} reports no requests while it is up`,
    description: `${requests} of ${ctx.title} has been missing for ${promDuration(forSeconds)} while its scrape targets answer: availability and latency SLOs cannot be computed and their burn-rate alerts cannot fire.`,
  })
  const evalSeconds = ctx.at(forSeconds + 4 * ctx.testInterval)
  const n = sampleCount(evalSeconds, ctx.testInterval)
  const up = (values: string) =>
    jobs.map((job) => ({ series: seriesName('up', { job, instance: 'pod-1' }), values }))
  const served = seriesName(requests, { vertical: ctx.vertical.name, market: 'unknown', status_class: '2xx' })
  // A scrape gap: no sample at all (target and series) for longer than the evaluation, then back.
  const gapSamples = Math.max(2, Math.floor(forSeconds / ctx.testInterval) + 2)
  const before = n - gapSamples - 2
  const gap = (value: string) => `${value}x${before} _x${gapSamples} ${value}x2`
  return family(
    ctx,
    'VerticalsSliMissing',
    [rule],
    [
      {
        name: 'vanished SLI series while the targets are up',
        series: up(`1x${n}`),
        evalSeconds,
        firing: [{ rule, labels: {} }],
      },
      {
        name: 'requests reported',
        series: [...up(`1x${n}`), counter(served, 10, n)],
        evalSeconds,
        firing: [],
      },
      {
        name: 'scrape gap (target and series missing; ServiceDown covers it)',
        series: [...up(gap('1')), { series: served, values: gap('5') }],
        evalSeconds,
        firing: [],
      },
      { name: 'every target down', series: up(`0x${n}`), evalSeconds, firing: [] },
    ],
  )
}
