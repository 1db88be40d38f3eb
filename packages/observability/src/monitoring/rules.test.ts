import { describe, expect, it } from 'vitest'
import { examplePlatform, exampleVerticals } from '../testing/example'
import { verticalOf } from '../vertical'
import { WATCHDOG_SEVERITY } from './alerts-blind'
import { type RuleSet, ruleSets } from './rules'
import { RUNBOOK_ANCHORS } from './runbook'
import type { AlertingRule } from './types'

const platform = examplePlatform()

describe.each(exampleVerticals(platform))('the rule sets of %s', (name) => {
  const sets: RuleSet[] = ruleSets(platform, verticalOf(platform, name))
  const families = sets.flatMap((s) => s.families)
  const alerts = sets
    .flatMap((s) => s.rules.groups.flatMap((g) => g.rules))
    .filter((r): r is AlertingRule => 'alert' in r)

  it('alert on every entry of `alerts` in platform.yaml and on the SLO burn rates', () => {
    const names = new Set(alerts.map((a) => a.alert))
    expect([...names].sort()).toEqual(Object.keys(RUNBOOK_ANCHORS).sort())
    expect(Object.keys(platform.alerts).length).toBe(15)
  })

  it('give every alert a known severity, summary, description and a runbook anchor', () => {
    for (const a of alerts) {
      // The Watchdog is a heartbeat, not an incident: severity "none" keeps it off every escalation route.
      if (a.alert === 'VerticalsWatchdog') expect(a.labels.severity).toBe(WATCHDOG_SEVERITY)
      else expect(platform.incidents.severities[a.labels.severity as string]).toBeDefined()
      expect(a.labels.vertical).toBe(name)
      expect(a.annotations.summary.length).toBeGreaterThan(10)
      expect(a.annotations.description.length).toBeGreaterThan(20)
      expect(a.annotations.runbook_url).toBe(
        `${name}/runbooks/incident-response.md#${RUNBOOK_ANCHORS[a.alert as keyof typeof RUNBOOK_ANCHORS]}`,
      )
    }
  })

  it('test every rule firing in some scenario, and every alertname in a scenario where nothing fires', () => {
    for (const f of families) {
      const fired = new Set(f.scenarios.flatMap((s) => s.firing.map((x) => x.rule)))
      for (const rule of f.rules)
        expect(fired.has(rule), `${f.alert} ${JSON.stringify(rule.labels)} never fires`).toBe(true)
      // The Watchdog fires always, by design.
      if (f.alert === 'VerticalsWatchdog') continue
      expect(
        f.scenarios.some((s) => s.firing.length === 0),
        `${f.alert} has no quiet scenario`,
      ).toBe(true)
    }
  })

  it('link runbooks absolutely under monitoring.runbookBaseUrl when it is set', () => {
    const base = 'https://runbooks.example.com/turnos'
    const published = { ...platform, monitoring: { ...platform.monitoring, runbookBaseUrl: base } }
    const urls = ruleSets(published, verticalOf(published, name))
      .flatMap((s) => s.rules.groups.flatMap((g) => g.rules))
      .filter((r): r is AlertingRule => 'alert' in r)
      .map((r) => r.annotations.runbook_url)
    for (const url of urls)
      expect(url.startsWith(`${base}/${name}/runbooks/incident-response.md#`)).toBe(true)
  })

  it('take thresholds and durations from the config', () => {
    const expr = (alert: string) =>
      alerts.filter((a) => a.alert === alert).map((a) => `${a.expr} for=${a.for ?? ''} ${a.labels.severity}`)
    expect(expr('VerticalsLatencyHigh')).toEqual([
      expect.stringMatching(/> 0\.1 for=2m high$/),
      expect.stringMatching(/> 0\.5 for=2m critical$/),
    ])
    expect(expr('VerticalsErrorRateHigh')).toEqual([expect.stringMatching(/> 0\.01 for=1m critical$/)])
    expect(expr('VerticalsErrorCountHigh')).toEqual([expect.stringMatching(/\[5m\]\)\) > 20 for= high$/)])
    expect(expr('VerticalsDbPoolSaturation')).toEqual([expect.stringMatching(/>= 160 for=5m high$/)])
    expect(expr('VerticalsCacheHitRateLow')).toEqual([expect.stringMatching(/< 0\.9 for=15m medium$/)])
    expect(expr('VerticalsPaymentSuccessLow')).toEqual([
      expect.stringMatching(/\[15m\]\)\) < 0\.95 and sum\(increase\(.*\[15m\]\)\) >= 20 for=1m high$/),
    ])
    expect(expr('VerticalsCpuHigh')).toEqual([expect.stringMatching(/> 0\.8 for=5m high$/)])
    expect(expr('VerticalsMemoryHigh')).toEqual([expect.stringMatching(/> 0\.9 for=5m high$/)])
    expect(expr('VerticalsRetentionStale')[0]).toMatch(/> 172800 for= medium$/)
    // erasure: 75% of 24 h = 64800 s, then overdue at the overdue severity.
    expect(expr('VerticalsDsrDeadline')).toContain(
      'max by (kind) (verticals_dsr_oldest_open_age_seconds{vertical="' +
        name +
        '",kind="erasure"}) > 64800 for= high',
    )
    expect(expr('VerticalsDsrDeadline')).toContain(
      'max by (kind) (verticals_dsr_requests_overdue{vertical="' +
        name +
        '",kind="erasure"}) > 0 for= critical',
    )
  })
})
