import { describe, expect, it } from 'vitest'
import { examplePlatform, exampleVerticals } from '../testing/example'
import { verticalOf } from '../vertical'
import { dashboard, dashboardUid } from './dashboard'
import { dashboardSchema, GRAFANA_SCHEMA_VERSION } from './dashboard-schema'

const platform = examplePlatform()

describe('dashboard', () => {
  it.each(exampleVerticals(platform))('%s passes the schema of what we emit', (name) => {
    const d = dashboard(platform, verticalOf(platform, name))
    expect(dashboardSchema.safeParse(d).error?.issues).toBeUndefined()
    expect(d.uid).toBe(`turnos-${name}`)
    expect(d.schemaVersion).toBe(GRAFANA_SCHEMA_VERSION)
  })

  it('shows the panels the issue lists, against the configured targets', () => {
    const d = dashboard(platform, verticalOf(platform, 'barber'))
    const titles = d.panels.map((p) => p.title).join('\n')
    for (const t of [
      'Request rate',
      'Error ratio',
      'Latency percentiles',
      'error budget remaining',
      'Cache hit rate',
      'Consent denials',
      'Data-subject requests',
      'Bookings',
      'Payment success',
      'Revenue (ARS)',
      'Provider utilization',
    ])
      expect(titles).toContain(t)
    const marketTargets = d.panels.find((p) => p.title.startsWith('p95 latency against'))
    expect(marketTargets?.targets.map((t) => t.legendFormat)).toEqual([
      'buenos-aires (80 ms)',
      'cordoba (120 ms)',
      'la-plata (150 ms)',
      'rosario (120 ms)',
    ])
    expect(
      d.panels.find((p) => p.title === 'Payment success rate')?.fieldConfig.defaults.thresholds.steps[1]
        ?.value,
    ).toBe(0.95)
    const band = d.panels.find((p) => p.title === 'Provider utilization by market')
    expect(band?.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 0.75, 0.85])
  })

  it('has one row per SLO: its burn rate over the page windows beside its remaining error budget', () => {
    const d = dashboard(platform, verticalOf(platform, 'barber'))
    const burn = d.panels.filter((p) => p.title.startsWith('SLO ') && p.title.endsWith('burn rate'))
    // Four live markets and the vertical as a whole, each with an availability and a latency SLO.
    expect(burn).toHaveLength(10)
    for (const panel of burn) {
      const budget = d.panels.find((p) => p.id === panel.id + 1)
      expect(budget?.title).toMatch(/error budget remaining \(30d\)$/)
      expect([panel.gridPos.x, budget?.gridPos.x, budget?.gridPos.y]).toEqual([0, 12, panel.gridPos.y])
      expect(panel.targets.map((t) => t.legendFormat)).toEqual([
        '5m window',
        '30m window',
        '1h window',
        '6h window',
      ])
      expect(panel.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 6, 14.4])
    }
    const whole = d.panels.find((p) => p.title === 'SLO all markets availability: burn rate')
    expect(whole?.targets[0]?.expr).toBe(
      'vertical:verticals_http_errors:ratio_rate5m{vertical="barber"} / 0.001',
    )
  })

  it('rejects what Grafana would not load: overlapping ids, a panel wider than the grid, a bad uid', () => {
    const d = dashboard(platform, verticalOf(platform, 'beauty'))
    const broken = {
      ...d,
      uid: 'has spaces',
      panels: [d.panels[0], { ...d.panels[0], gridPos: { x: 20, y: 0, w: 12, h: 8 } }],
    }
    const issues = dashboardSchema.safeParse(broken).error?.issues.map((i) => i.message) ?? []
    expect(issues).toEqual(
      expect.arrayContaining(['panel ids must be unique', 'a panel must fit the 24-column grid']),
    )
    expect(issues.some((m) => m.includes('uids'))).toBe(true)
  })

  it('keeps uids stable and within Grafana’s 40 characters', () => {
    const long = {
      ...platform,
      metadata: { ...platform.metadata, name: 'a-very-long-platform-name-for-grafana' },
    } as typeof platform
    const uid = dashboardUid(long, verticalOf(platform, 'psychology'))
    expect(uid).toHaveLength(40)
    expect(dashboardUid(long, verticalOf(platform, 'psychology'))).toBe(uid)
  })
})
