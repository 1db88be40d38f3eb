import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('monitoring consistency', () => {
  it('accepts the example: every outage alert fires within slo.mttd', () => {
    expect(errorsAfter()).toEqual([])
  })

  it('refuses an outage alert slower than slo.mttd, naming the longest for: that fits', () => {
    const [d, ...rest] = diagnosticsOf(edit(argentinaText(), [['alerts', 'serviceDown', 'for'], '10m']))
    expect(rest).toEqual([])
    expect(d).toMatchObject({ code: 'DETECTION_TOO_SLOW', path: 'alerts.serviceDown.for' })
    expect(d?.message).toContain('later than slo.mttd 5m: shorten its for: to at most 285s or raise slo.mttd')
    expect(d?.line).toBeGreaterThan(0)
  })

  it('refuses mttr below mttd, and an error-rate alert below the error-rate objective', () => {
    expect(errorsAfter([['slo', 'mttr'], '2m'])).toEqual(['DETECTION_TOO_SLOW slo.mttr'])
    expect(errorsAfter([['alerts', 'errorRate', 'threshold'], '0.05%'])).toEqual([
      'DETECTION_TOO_SLOW alerts.errorRate.threshold',
    ])
  })
})
