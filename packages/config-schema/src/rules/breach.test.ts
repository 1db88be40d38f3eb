import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

describe('breach notification', () => {
  it('resolves a clock per declared jurisdiction and addressee, with sources and the configured target', () => {
    const { clocks, alertBefore, severity } = resolveText(argentinaText()).breachNotification
    expect(clocks.map((c) => [c.jurisdiction, c.to, c.deadline, c.target])).toEqual([
      ['AR', 'authority', null, 72 * 3600],
      ['BR', 'authority', { businessDays: 3 }, null],
      ['BR', 'subjects', { businessDays: 3 }, null],
    ])
    expect(clocks[0]?.addressee).toContain('AAIP')
    expect(clocks[0]?.source).toContain('AAIP Resolución 47/2018')
    expect(clocks[1]?.source).toContain('Resolução CD/ANPD nº 15/2024 art. 6')
    expect([alertBefore, severity]).toEqual([12 * 3600, 'critical'])
  })

  it('gives GDPR its 72 hours to the supervisory authority when EU is declared', () => {
    const eu = resolveText(edit(argentinaText(), [['jurisdictions'], ['AR', 'BR', 'EU']])).breachNotification
      .clocks
    expect(eu.find((c) => c.jurisdiction === 'EU' && c.to === 'authority')).toMatchObject({
      deadline: { hours: 72 },
      source: expect.stringContaining('GDPR art. 33(1)'),
    })
  })

  it('refuses a target longer than the law and one for an undeclared jurisdiction', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [['incidents', 'breachNotification', 'BR'], { within: '4d' }]),
    )
    expect(d).toMatchObject({ code: 'BREACH_TARGET_INVALID', path: 'incidents.breachNotification.BR.within' })
    expect(d?.message).toContain('at most 3d')
    expect(errorsAfter([['incidents', 'breachNotification', 'EU'], { within: '24h' }])).toEqual([
      'BREACH_TARGET_INVALID incidents.breachNotification.EU',
    ])
    expect(errorsAfter([['incidents', 'breachNotification', 'BR'], { within: '48h' }])).toEqual([])
  })
})
