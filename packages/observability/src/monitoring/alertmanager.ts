import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../vertical'
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

// Escalation in Alertmanager terms: each later role of a severity hears about an alert one
// respondWithin later (group_wait) if it is still firing, and again every respondWithin.
function severityRoutes(platform: ResolvedPlatform, mute: readonly string[]) {
  return severitiesByUrgency(platform).flatMap((name) => {
    const severity = platform.incidents.severities[name]
    if (!severity) return []
    return severity.escalation.map((role, step) => ({
      matchers: [matcher('severity', name)],
      receiver: role,
      ...(step > 0 ? { group_wait: promDuration(step * severity.respondWithin) } : {}),
      repeat_interval: promDuration(severity.respondWithin),
      ...(mute.length > 0 ? { mute_time_intervals: [...mute] } : {}),
      continue: true,
    }))
  })
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

/** The Alertmanager configuration of one vertical: routes, receivers, inhibitions and maintenance windows. */
export function alertmanagerConfig(platform: ResolvedPlatform, vertical: Vertical): Record<string, unknown> {
  const windows = maintenanceIntervals(platform)
  const muteAll = windows.filter((w) => w.mutes === 'all').map((w) => w.name)
  const muteDatabase = windows.filter((w) => w.mutes !== 'none').map((w) => w.name)
  const order = severitiesByUrgency(platform)
  const roles = escalationRoles(platform)
  return {
    route: {
      receiver: roles[0],
      group_by: [...INHIBIT_EQUAL.filter((l) => l !== 'kind')],
      routes: [
        watchdogRoute(platform),
        {
          matchers: [matcher('vertical', vertical.name)],
          routes: [
            {
              matchers: [`alertname=~${JSON.stringify(DATABASE_ALERTS.join('|'))}`],
              routes: severityRoutes(platform, muteDatabase),
            },
            ...severityRoutes(platform, muteAll),
          ],
        },
      ],
    },
    receivers: [
      deadMansSwitchReceiver(platform),
      ...roles.map((role) => ({
        name: role,
        slack_configs: [
          {
            api_url_file: `${ALERTMANAGER_SECRETS_DIR}/${role}.url`,
            send_resolved: true,
            title:
              '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }}, {{ .CommonLabels.vertical }})',
            text: '{{ range .Alerts }}{{ .Annotations.summary }}: {{ .Annotations.description }} Runbook: {{ .Annotations.runbook_url }}\n{{ end }}',
          },
        ],
      })),
    ],
    inhibit_rules: order.slice(0, -1).map((name, i) => ({
      source_matchers: [matcher('severity', name)],
      target_matchers: [`severity=~${JSON.stringify(order.slice(i + 1).join('|'))}`],
      equal: [...INHIBIT_EQUAL],
    })),
    time_intervals: windows.map((w) => ({ name: w.name, time_intervals: w.intervals })),
  }
}
