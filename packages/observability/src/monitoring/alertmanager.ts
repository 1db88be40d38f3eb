import type { ResolvedPlatform } from '@verticals/config-schema'
import { WATCHDOG_SEVERITY } from './alerts-blind'
import { promDuration } from './promql'
import { severitiesByUrgency } from './severities'
import { maintenanceIntervals } from './time-intervals'

/** Where Alertmanager reads each receiver's webhook URL: one file per escalation role, mounted from a secret. */
export const ALERTMANAGER_SECRETS_DIR = '/etc/alertmanager/secrets'

/** Alerts about the database: muted in database-scoped maintenance windows as well. */
export const DATABASE_ALERTS = [
  'VerticalsPostgresDown',
  'VerticalsDatabaseCpuHigh',
  'VerticalsDbPoolSaturation',
] as const

/** Labels two alerts must share for the more severe one to silence the other. */
export const INHIBIT_EQUAL = ['alertname', 'vertical', 'market', 'kind'] as const

const matcher = (name: string, value: string) => `${name}=${JSON.stringify(value)}`

/** Every escalation role, in the order they are first reached (most urgent severity first). */
export function escalationRoles(platform: ResolvedPlatform): string[] {
  const roles = severitiesByUrgency(platform).flatMap(
    (s) => platform.incidents.severities[s]?.escalation ?? [],
  )
  return [...new Set(roles)]
}

/** Receiver types that page: the pager escalates until someone acknowledges. */
const PAGERS = new Set(['pagerduty', 'opsgenie', 'webhook'])

const receiverType = (platform: ResolvedPlatform, role: string) =>
  platform.incidents.receivers[role]?.type ?? 'slack'

// Escalation in Alertmanager terms. A severity that reaches a pager notifies its first pager role
// once (the pager escalates on acknowledgement) and tells its Slack roles at once. Without a pager,
// each later role hears about a still-firing alert one respondWithin later (group_wait): a timer,
// not acknowledgement-aware, as before.
function severityRoutes(platform: ResolvedPlatform, mutedBy: (severity: string) => string[]) {
  return severitiesByUrgency(platform).flatMap((name) => {
    const severity = platform.incidents.severities[name]
    if (!severity) return []
    const mute = mutedBy(name)
    const pager = severity.escalation.find((role) => PAGERS.has(receiverType(platform, role)))
    const steps = pager
      ? [pager, ...severity.escalation.filter((role) => receiverType(platform, role) === 'slack')].map(
          (role) => ({
            role,
            wait: 0,
          }),
        )
      : severity.escalation.map((role, step) => ({ role, wait: step * severity.respondWithin }))
    return steps.map(({ role, wait }) => ({
      matchers: [matcher('severity', name)],
      receiver: role,
      ...(wait > 0 ? { group_wait: promDuration(wait) } : {}),
      repeat_interval: promDuration(severity.respondWithin),
      ...(mute.length > 0 ? { mute_time_intervals: mute } : {}),
      continue: true,
    }))
  })
}

/** Alerts a down service causes by itself: ServiceDown of the vertical silences them. */
export const SYMPTOM_ALERTS = [
  'VerticalsLatencyHigh',
  'VerticalsErrorRateHigh',
  'VerticalsErrorCountHigh',
  'VerticalsAvailabilityBudgetBurn',
  'VerticalsLatencyBudgetBurn',
  'VerticalsSliMissing',
  'VerticalsPaymentSuccessLow',
] as const

const SECRET = (role: string, ext: string) => `${ALERTMANAGER_SECRETS_DIR}/${role}.${ext}`
const TITLE =
  '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }}, {{ .CommonLabels.vertical }})'
const TEXT =
  '{{ range .Alerts }}{{ .Annotations.summary }}: {{ .Annotations.description }} Runbook: {{ .Annotations.runbook_url }}\n{{ end }}'

// One receiver per role, of the type incidents.receivers names; keys and Slack URLs are read from files.
function roleReceiver(platform: ResolvedPlatform, role: string): Record<string, unknown> {
  const receiver = platform.incidents.receivers[role]
  switch (receiver?.type) {
    case 'pagerduty':
      return {
        name: role,
        pagerduty_configs: [
          { routing_key_file: SECRET(role, 'key'), send_resolved: true, description: TITLE },
        ],
      }
    case 'opsgenie':
      return {
        name: role,
        opsgenie_configs: [
          { api_key_file: SECRET(role, 'key'), send_resolved: true, message: TITLE, description: TEXT },
        ],
      }
    case 'webhook':
      return { name: role, webhook_configs: [{ url: receiver.url, send_resolved: true }] }
    default:
      return {
        name: role,
        slack_configs: [{ api_url_file: SECRET(role, 'url'), send_resolved: true, title: TITLE, text: TEXT }],
      }
  }
}

/** Receiver of the Watchdog heartbeat (`monitoring.deadMansSwitch`). */
export const DEAD_MANS_SWITCH_RECEIVER = 'dead-mans-switch'

// The heartbeat: first route, no grouping delay, re-sent every repeatInterval, never continued to people.
function watchdogRoute(platform: ResolvedPlatform) {
  const every = promDuration(platform.monitoring.deadMansSwitch.repeatInterval)
  return {
    matchers: [matcher('alertname', 'VerticalsWatchdog')],
    receiver: DEAD_MANS_SWITCH_RECEIVER,
    group_wait: '0s',
    group_interval: every,
    repeat_interval: every,
  }
}

function deadMansSwitchReceiver(platform: ResolvedPlatform) {
  const { url } = platform.monitoring.deadMansSwitch
  return {
    name: DEAD_MANS_SWITCH_RECEIVER,
    ...(url ? { webhook_configs: [{ url, send_resolved: false }] } : {}),
  }
}

/** The names of the enabled verticals, in config order: each gets its own subtree of routes. */
export function routedVerticals(platform: ResolvedPlatform): string[] {
  return Object.values(platform.verticals)
    .filter((v) => v.enabled)
    .map((v) => v.name)
}

function mutedByScopes(platform: ResolvedPlatform) {
  const windows = maintenanceIntervals(platform)
  return (scopes: readonly string[]) => (severity: string) =>
    windows.filter((w) => scopes.includes(w.mutes) && w.severities.includes(severity)).map((w) => w.name)
}

// One vertical's subtree: its database alerts (muted by database windows too), then every alert of it by severity.
function verticalRoute(platform: ResolvedPlatform, vertical: string) {
  const mutedBy = mutedByScopes(platform)
  return {
    matchers: [matcher('vertical', vertical)],
    routes: [
      {
        matchers: [`alertname=~${JSON.stringify(DATABASE_ALERTS.join('|'))}`],
        routes: severityRoutes(platform, mutedBy(['all', 'database'])),
      },
      ...severityRoutes(platform, mutedBy(['all'])),
    ],
  }
}

/**
 * The one Alertmanager configuration of the platform (a cluster runs one Alertmanager): the
 * Watchdog heartbeat, then a subtree of routes per enabled vertical, the receivers, inhibitions
 * and maintenance windows. Every alert carries its `vertical` label, so the subtrees never overlap.
 */
export function alertmanagerConfig(platform: ResolvedPlatform): Record<string, unknown> {
  const windows = maintenanceIntervals(platform)
  const order = severitiesByUrgency(platform)
  const roles = escalationRoles(platform)
  return {
    route: {
      receiver: roles[0],
      group_by: [...INHIBIT_EQUAL.filter((l) => l !== 'kind')],
      group_wait: promDuration(platform.monitoring.grouping.wait),
      group_interval: promDuration(platform.monitoring.grouping.interval),
      routes: [
        watchdogRoute(platform),
        ...routedVerticals(platform).map((name) => verticalRoute(platform, name)),
      ],
    },
    receivers: [deadMansSwitchReceiver(platform), ...roles.map((role) => roleReceiver(platform, role))],
    inhibit_rules: [
      ...order.slice(0, -1).map((name, i) => ({
        source_matchers: [matcher('severity', name)],
        target_matchers: [`severity=~${JSON.stringify(order.slice(i + 1).join('|'))}`],
        equal: [...INHIBIT_EQUAL],
      })),
      {
        source_matchers: [matcher('alertname', 'VerticalsServiceDown')],
        target_matchers: [`alertname=~${JSON.stringify(SYMPTOM_ALERTS.join('|'))}`],
        equal: ['vertical'],
      },
    ],
    time_intervals: windows.map((w) => ({ name: w.name, time_intervals: w.intervals })),
  }
}

/** One routing expectation: an alert's labels and the receivers Alertmanager must notify, in order. */
export interface RouteCase {
  readonly labels: Readonly<Record<string, string>>
  readonly receivers: readonly string[]
}

// What incidents.severities promises, read from the config rather than from the route tree: with a
// pager in the escalation, that pager then the Slack roles; without one, every role in order.
function receiversOf(platform: ResolvedPlatform, severity: string): string[] {
  const escalation = platform.incidents.severities[severity]?.escalation ?? []
  const pager = escalation.find((role) => PAGERS.has(receiverType(platform, role)))
  if (!pager) return [...escalation]
  return [pager, ...escalation.filter((role) => receiverType(platform, role) === 'slack')]
}

/**
 * The routing tests of the platform config (for `amtool config routes test`): per enabled vertical
 * and severity, a service alert and a database alert reach the severity's receivers; the Watchdog
 * reaches only the dead man's switch.
 */
export function alertmanagerRouteCases(platform: ResolvedPlatform): RouteCase[] {
  return routedVerticals(platform).flatMap((vertical) => [
    {
      labels: { alertname: 'VerticalsWatchdog', vertical, severity: WATCHDOG_SEVERITY },
      receivers: [DEAD_MANS_SWITCH_RECEIVER],
    },
    ...severitiesByUrgency(platform).flatMap((severity) =>
      ['VerticalsServiceDown', DATABASE_ALERTS[0]].map((alertname) => ({
        labels: { alertname, vertical, severity },
        receivers: receiversOf(platform, severity),
      })),
    ),
  ])
}
