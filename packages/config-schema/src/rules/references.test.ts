import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

const first = (...edits: Parameters<typeof edit>[1][]) => diagnosticsOf(edit(argentinaText(), ...edits))[0]

describe('references', () => {
  it('a market names a declared tier, with a did-you-mean', () => {
    expect(first([['markets', 'cordoba', 'tier'], 'tier-22'])).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      path: 'markets.cordoba.tier',
      message: 'tier "tier-22" is not declared (did you mean "tier-2"?)',
    })
  })

  it('no vertical may be called "platform": the bundle keeps the platform-wide files there', () => {
    const text = edit(argentinaText(), [['verticals', 'platform'], { preset: 'barber', enabled: true }])
    expect(diagnosticsOf(text).find((d) => d.path === 'verticals.platform')).toMatchObject({
      code: 'INVALID_VALUE',
      message: expect.stringContaining('vertical name "platform" is reserved'),
    })
  })

  it('lists what is declared when nothing is close', () => {
    expect(first([['markets', 'cordoba', 'tier'], 'gold'])?.message).toBe(
      'tier "gold" is not declared; declared: tier-1, tier-2, tier-3',
    )
  })

  it('an alert names a declared severity', () => {
    expect(first([['alerts', 'cpu', 'severity'], 'hihg'])).toMatchObject({
      path: 'alerts.cpu.severity',
      message: 'severity "hihg" is not declared (did you mean "high"?)',
    })
    expect(errorsAfter([['alerts', 'latency', 1, 'severity'], 'warning'])).toEqual([
      'UNKNOWN_REFERENCE alerts.latency[1].severity',
    ])
    expect(errorsAfter([['alerts', 'dsrDeadline', 'overdueSeverity'], 'page'])).toEqual([
      'UNKNOWN_REFERENCE alerts.dsrDeadline.overdueSeverity',
    ])
  })

  it('data classes named by cache, purposes and verticals are declared', () => {
    expect(first([['cache', 'ttl', 'user-profile'], '2h'])?.message).toBe(
      'data class "user-profile" is not declared (did you mean "user-profiles"?)',
    )
    expect(errorsAfter([['consent', 'purposes', 'health-care', 'dataClasses'], ['session-note']])).toContain(
      'UNKNOWN_REFERENCE consent.purposes.health-care.dataClasses[0]',
    )
    expect(
      errorsAfter([
        ['verticals', 'barber', 'dataClasses'],
        ['bookings', 'payment'],
      ]),
    ).toEqual(['UNKNOWN_REFERENCE verticals.barber.dataClasses[1]'])
  })

  it('purposes, markets and record classes named elsewhere are declared', () => {
    expect(
      errorsAfter([
        ['verticals', 'barber', 'purposes'],
        ['booking', 'marketting'],
      ]),
    ).toEqual(['UNKNOWN_REFERENCE verticals.barber.purposes[1]'])
    expect(errorsAfter([['verticals', 'barber', 'markets'], ['cordova']])).toEqual([
      'UNKNOWN_REFERENCE verticals.barber.markets[0]',
    ])
    expect(first([['dataClasses', 'session-notes', 'recordClass'], 'clinic'])).toMatchObject({
      path: 'dataClasses.session-notes.recordClass',
      message: 'record class "clinic" is not declared (did you mean "clinical"?)',
    })
  })

  it('a vertical that is not named after a preset must name one', () => {
    const text = edit(
      argentinaText(),
      [['verticals', 'psychology'], undefined],
      [['verticals', 'psycology'], {}],
    )
    expect(diagnosticsOf(text).find((d) => d.path === 'verticals.psycology')?.message).toBe(
      'vertical "psycology" is not a preset name (did you mean "psychology"?): rename it or set preset: barber | psychology | beauty | fitness',
    )
    expect(errorsAfter([['verticals', 'kids-barber'], { preset: 'barber' }])).toEqual([])
  })

  it('an availability of 100% is refused: it leaves no error budget', () => {
    expect(errorsAfter([['tiers', 'tier-1', 'availability'], '100%'])).toEqual([
      'INVALID_VALUE tiers.tier-1.availability',
    ])
  })
})
