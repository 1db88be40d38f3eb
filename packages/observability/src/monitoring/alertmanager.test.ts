import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing/example'
import {
  alertmanagerConfig,
  alertmanagerRouteCases,
  DATABASE_ALERTS,
  DEAD_MANS_SWITCH_RECEIVER,
  SYMPTOM_ALERTS,
} from './alertmanager'
import { severitiesByUrgency } from './severities'

const platform = examplePlatform()
type Route = {
  matchers?: string[]
  receiver?: string
  group_wait?: string
  repeat_interval?: string
  mute_time_intervals?: string[]
  group_interval?: string
  routes?: Route[]
}
const config = alertmanagerConfig(platform) as {
  route: Route
  receivers: {
    name: string
    slack_configs?: { api_url_file: string }[]
    webhook_configs?: { url: string; send_resolved: boolean }[]
  }[]
  inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[]
  time_intervals: {
    name: string
    time_intervals: {
      weekdays: string[]
      times: { start_time: string; end_time: string }[]
      location: string
    }[]
  }[]
}
const heartbeat = config.route.routes?.[0] as Route
const vertical = config.route.routes?.find((r) => r.matchers?.[0] === 'vertical="fitness"') as Route
const database = vertical.routes?.[0] as Route
const general = vertical.routes?.slice(1) ?? []

describe('alertmanagerConfig', () => {
  it('is one config for the platform: the Watchdog, then one subtree per enabled vertical', () => {
    const enabled = Object.values(platform.verticals)
      .filter((v) => v.enabled)
      .map((v) => `vertical="${v.name}"`)
    expect(enabled.length).toBeGreaterThan(1)
    expect(config.route.routes?.slice(1).map((r) => r.matchers?.[0])).toEqual(enabled)
    const cases = alertmanagerRouteCases(platform)
    for (const name of enabled) {
      const mine = cases.filter((c) => `vertical="${c.labels.vertical}"` === name)
      const severities = severitiesByUrgency(platform).flatMap((s) => [s, s])
      expect(mine.map((c) => c.labels.severity)).toEqual(['none', ...severities])
    }
  })

  it('routes the vertical’s alerts by severity to each escalation role, repeating every respondWithin', () => {
    expect(vertical.matchers).toEqual(['vertical="fitness"'])
    const critical = general.filter((r) => r.matchers?.[0] === 'severity="critical"')
    expect(critical.map((r) => [r.receiver, r.group_wait, r.repeat_interval])).toEqual([
      ['on-call', undefined, '5m'],
      ['cto', '5m', '5m'],
      ['all-hands', '10m', '5m'],
    ])
    const low = general.filter((r) => r.matchers?.[0] === 'severity="low"')
    expect(low.map((r) => [r.receiver, r.repeat_interval])).toEqual([['on-call', '1d']])
  })

  it('has one receiver per role whose webhook URL is read from a mounted secret, never written in the bundle', () => {
    expect(config.receivers.map((r) => r.name)).toEqual([
      DEAD_MANS_SWITCH_RECEIVER,
      'on-call',
      'cto',
      'all-hands',
      'tech-lead',
      'product',
      'engineering',
    ])
    for (const r of config.receivers.slice(1))
      expect(r.slack_configs?.[0]?.api_url_file).toBe(`/etc/alertmanager/secrets/${r.name}.url`)
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//)
  })

  it('sends the Watchdog first, to the dead man’s switch only, every deadMansSwitch.repeatInterval', () => {
    expect(heartbeat).toEqual({
      matchers: ['alertname="VerticalsWatchdog"'],
      receiver: DEAD_MANS_SWITCH_RECEIVER,
      group_wait: '0s',
      group_interval: '1m',
      repeat_interval: '1m',
    })
    expect(config.receivers[0]).toEqual({ name: DEAD_MANS_SWITCH_RECEIVER })
    const withUrl = { ...platform.monitoring.deadMansSwitch, url: 'https://hc-ping.com/abc' }
    const configured = alertmanagerConfig({
      ...platform,
      monitoring: { ...platform.monitoring, deadMansSwitch: withUrl },
    }) as typeof config
    expect(configured.receivers[0]?.webhook_configs).toEqual([
      { url: 'https://hc-ping.com/abc', send_resolved: false },
    ])
  })

  it('notifies a pager once and Slack roles at once, leaving escalation to the pager', () => {
    const paged = {
      ...platform,
      incidents: {
        ...platform.incidents,
        receivers: {
          'on-call': { type: 'pagerduty' },
          cto: { type: 'opsgenie' },
          'all-hands': { type: 'slack' },
        },
      },
    } as typeof platform
    const c = alertmanagerConfig(paged) as typeof config
    const routes = (c.route.routes?.[1]?.routes ?? []).slice(1)
    const critical = routes.filter((r) => r.matchers?.[0] === 'severity="critical"')
    expect(critical.map((r) => [r.receiver, r.group_wait])).toEqual([
      ['on-call', undefined],
      ['all-hands', undefined],
    ])
    const byName = Object.fromEntries(c.receivers.map((r) => [r.name, r]))
    expect(byName['on-call']).toMatchObject({
      pagerduty_configs: [{ routing_key_file: '/etc/alertmanager/secrets/on-call.key', send_resolved: true }],
    })
    expect(byName.cto).toMatchObject({
      opsgenie_configs: [{ api_key_file: '/etc/alertmanager/secrets/cto.key', send_resolved: true }],
    })
    expect(byName['all-hands']).toMatchObject({
      slack_configs: [{ api_url_file: '/etc/alertmanager/secrets/all-hands.url' }],
    })
  })

  it('lets a more severe alert silence less severe ones of the same name', () => {
    expect(config.inhibit_rules[0]).toEqual({
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity=~"high|medium|low"'],
      equal: ['alertname', 'vertical', 'market', 'kind'],
    })
    expect(config.inhibit_rules).toHaveLength(4)
  })

  it('lets ServiceDown silence the symptoms a down service causes in its vertical', () => {
    expect(config.inhibit_rules[3]).toEqual({
      source_matchers: ['alertname="VerticalsServiceDown"'],
      target_matchers: [`alertname=~"${SYMPTOM_ALERTS.join('|')}"`],
      equal: ['vertical'],
    })
  })

  it('mutes maintenance windows in the configured time zone; database windows only for database alerts', () => {
    expect(config.time_intervals.find((t) => t.name === 'maintenance-primary')?.time_intervals).toEqual([
      {
        weekdays: ['sunday'],
        times: [{ start_time: '02:00', end_time: '04:00' }],
        location: 'America/Argentina/Buenos_Aires',
      },
    ])
    expect(database.matchers).toEqual([`alertname=~"${DATABASE_ALERTS.join('|')}"`])
    // Critical (the most urgent severity) is never muted unless a window names it.
    const muted = (r: Route) => r.matchers?.[0] !== 'severity="critical"'
    for (const r of database.routes ?? [])
      expect(r.mute_time_intervals).toEqual(
        muted(r) ? ['maintenance-database', 'maintenance-primary'] : undefined,
      )
    for (const r of general)
      expect(r.mute_time_intervals).toEqual(muted(r) ? ['maintenance-primary'] : undefined)
    expect(general.filter((r) => !muted(r))).toHaveLength(3)
    // The emergency window is declared for operators but never mutes on a schedule.
    expect(config.time_intervals.map((t) => t.name)).toContain('maintenance-emergency')
  })
})
