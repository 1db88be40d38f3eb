import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing/example'
import { verticalOf } from '../vertical'
import { monitoringContext } from './context'
import { promDuration } from './promql'
import { burnWindows, objectives, REFERENCE_BURN_WINDOWS } from './slo'
import {
  burnRateFamily,
  burnRateRules,
  recordedWindows,
  sloBudgetRules,
  sloRecordingRules,
} from './slo-rules'

const platform = examplePlatform()
const day = 86_400
const fmt = (w: { long: number; short: number; factor: number }) =>
  `${w.factor}x ${promDuration(w.long)}/${promDuration(w.short)}`

describe('multi-window, multi-burn-rate windows', () => {
  it('are the issue’s numbers for a 30-day period', () => {
    expect(platform.slo.period).toBe(30 * day)
    const { page, ticket } = burnWindows(30 * day)
    expect(page.map(fmt)).toEqual(['14.4x 1h/5m', '6x 6h/30m'])
    expect(ticket.map(fmt)).toEqual(['3x 1d/2h', '1x 3d/6h'])
    expect(burnWindows(30 * day)).toEqual(REFERENCE_BURN_WINDOWS)
  })

  it('scale their windows with the period and keep the factors', () => {
    expect(burnWindows(7 * day).page.map(fmt)).toEqual(['14.4x 14m/1m10s', '6x 1h24m/7m'])
    expect(burnWindows(90 * day).ticket.map(fmt)).toEqual(['3x 3d/6h', '1x 9d/18h'])
  })

  it('are what the generated alerts use, with factor times budget', () => {
    const ctx = monitoringContext(platform, verticalOf(platform, 'barber'))
    const page = burnRateRules(ctx, 'availability').find(
      (r) => r.objective.market === 'buenos-aires' && r.speed === 'page',
    )
    expect(page?.rule.expr).toContain(
      'ratio_rate1h{vertical="barber",market="buenos-aires"} > (14.4 * 0.0005)',
    )
    expect(page?.rule.expr).toContain(
      'ratio_rate5m{vertical="barber",market="buenos-aires"} > (14.4 * 0.0005)',
    )
    expect(page?.rule.expr).toContain('ratio_rate6h{vertical="barber",market="buenos-aires"} > (6 * 0.0005)')
    expect(page?.rule.expr).toContain('ratio_rate30m{vertical="barber",market="buenos-aires"} > (6 * 0.0005)')
    const ticket = burnRateRules(ctx, 'latency').find(
      (r) => r.objective.market === 'cordoba' && r.speed === 'ticket',
    )
    expect(ticket?.rule.expr).toContain(
      'verticals_http_slow:ratio_rate1d{vertical="barber",market="cordoba"} > (3 * 0.05)',
    )
    expect(ticket?.rule.expr).toContain(
      'verticals_http_slow:ratio_rate3d{vertical="barber",market="cordoba"} > (1 * 0.05)',
    )
    expect(recordedWindows(ctx).map(promDuration)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d'])
  })
})

describe('SLI recordings', () => {
  const ctx = monitoringContext(platform, verticalOf(platform, 'barber'))
  const rules = sloRecordingRules(ctx)
  const expr = (record: string) => rules.find((r) => r.record === record)?.expr ?? ''

  it('record availability as errors over total, so a total outage (no 2xx series) is a ratio of 1', () => {
    const availability = expr('vertical:verticals_http_errors:ratio_rate5m')
    const total = 'sum by (vertical) (rate(verticals_http_requests_total{vertical="barber"}[5m]))'
    const errors = `(sum by (vertical) (rate(verticals_http_requests_total{vertical="barber",status_class=~"5xx"}[5m])) or 0 * ${total})`
    // Clients that closed the connection (499) after the 200 ms target: server timeouts, errors too.
    const closed = 'vertical="barber",status_class="client_closed"'
    const timedOut = `(sum by (vertical) (rate(verticals_http_request_duration_seconds_count{${closed}}[5m])) - sum by (vertical) (rate(verticals_http_request_duration_seconds_bucket{${closed},le=~"0\\\\.2"}[5m])) or 0 * ${total})`
    expect(availability).toBe(`(${errors} + ${timedOut}) / (${total} > 0)`)
    expect(availability).not.toContain('2xx')
  })

  it('select the latency target bucket as Prometheus 2 and 3 write it', () => {
    expect(expr('vertical_market:verticals_http_slow:ratio_rate5m')).toContain('le=~"0\\\\.08"')
    const whole = { ...platform, slo: { ...platform.slo, latencyP95: 1 } }
    const slow = sloRecordingRules(monitoringContext(whole, verticalOf(whole, 'barber'))).find(
      (r) => r.record === 'vertical:verticals_http_slow:ratio_rate5m',
    )
    expect(slow?.expr).toContain('le=~"1|1\\\\.0"')
  })

  it('average the whole-period ratios from the shortest window, never from raw series', () => {
    const budget = sloBudgetRules(ctx)
    expect(budget.map((r) => r.record)).toEqual([
      'vertical_market:verticals_http_errors:ratio_rate30d',
      'vertical_market:verticals_http_slow:ratio_rate30d',
      'vertical:verticals_http_errors:ratio_rate30d',
      'vertical:verticals_http_slow:ratio_rate30d',
    ])
    expect(budget[0]?.expr).toBe(
      'avg_over_time(vertical_market:verticals_http_errors:ratio_rate5m{vertical="barber"}[30d])',
    )
    expect(rules.some((r) => r.record.endsWith('rate30d'))).toBe(false)
  })
})

describe('SLO objectives', () => {
  const ctx = monitoringContext(platform, verticalOf(platform, 'psychology'))

  it('are per live market with its tier’s targets, plus the vertical as a whole', () => {
    const list = objectives(platform, ctx.vertical)
    expect(list.map((o) => [o.market, o.availability, o.latency, o.page, o.ticket, o.minRequests])).toEqual([
      ['buenos-aires', 99.95, 0.08, true, true, 100],
      ['cordoba', 99.9, 0.12, true, true, 100],
      ['la-plata', 99.9, 0.15, false, true, 50],
      ['rosario', 99.9, 0.12, true, true, 100],
      [null, 99.9, 0.2, true, true, 100],
    ])
  })

  it('honour a tier that turns paging off, and guard every alert with the tier’s minimum traffic', () => {
    const rules = burnRateRules(ctx, 'availability')
    const laPlata = rules.filter((r) => r.objective.market === 'la-plata')
    expect(laPlata.map((r) => r.speed)).toEqual(['ticket'])
    expect(laPlata[0]?.rule.expr).toContain('[1d])) >= 50')
    expect(laPlata[0]?.rule.expr).toContain('[3d])) >= 50')
    for (const r of rules) expect(r.rule.labels.severity).toBe(r.speed === 'page' ? 'critical' : 'medium')
  })
})

describe('burn-rate test scenarios on other configs', () => {
  const fires = (p: typeof platform, vertical: string) => {
    const ctx = monitoringContext(p, verticalOf(p, vertical))
    return (['availability', 'latency'] as const).map((sli) => {
      const family = burnRateFamily(ctx, sli)
      const fired = new Set(family.scenarios.flatMap((s) => s.firing.map((f) => f.rule)))
      return family.rules.every((r) => fired.has(r)) && family.scenarios.some((s) => s.firing.length === 0)
    })
  }

  it('stay clear of the guard when two markets’ low traffic adds up to the vertical’s guard', () => {
    const barber = verticalOf(platform, 'barber')
    const two = {
      ...platform,
      verticals: { ...platform.verticals, barber: { ...barber, markets: ['buenos-aires', 'cordoba'] } },
    } as typeof platform
    expect(fires(two, 'barber')).toEqual([true, true])
  })

  it('test the vertical’s own objective when no market is live', () => {
    const barber = verticalOf(platform, 'barber')
    const none = {
      ...platform,
      verticals: { ...platform.verticals, barber: { ...barber, markets: [] } },
    } as typeof platform
    expect(objectives(none, verticalOf(none, 'barber')).map((o) => o.market)).toEqual([null])
    expect(fires(none, 'barber')).toEqual([true, true])
  })
})
