import { describe, expect, it } from 'vitest'
import { CALENDARS } from './holidays'
import { argentinaText, edit, errorsAfter, resolveText } from './testing/example'

describe('calendars of business days', () => {
  it('ship AR and BR national holidays with their time zone, source and years', () => {
    expect(CALENDARS.AR).toMatchObject({ timeZone: 'America/Argentina/Buenos_Aires', years: [2026, 2026] })
    expect(CALENDARS.AR.holidays).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-03-24']))
    expect(CALENDARS.BR.holidays).toEqual(expect.arrayContaining(['2026-04-21', '2026-11-20']))
    // Carnival is a national holiday in Argentina, a "ponto facultativo" in Brazil.
    expect(CALENDARS.BR.holidays).not.toContain('2026-02-16')
    for (const c of [CALENDARS.AR, CALENDARS.BR]) {
      expect([...c.holidays].sort()).toEqual(c.holidays)
      expect(c.holidays.every((d) => d.startsWith(String(c.years[0])))).toBe(true)
      expect(c.source).toMatch(/^Le[iy] /)
    }
  })

  it('are extended by holidays in platform.yaml, per jurisdiction', () => {
    const [ar, br] = resolveText(argentinaText()).jurisdictions
    expect(ar?.calendar.holidays.slice(-2)).toEqual(['2027-02-08', '2027-02-09'])
    expect(br?.calendar.holidays).toEqual(CALENDARS.BR.holidays)
    const added = resolveText(edit(argentinaText(), [['holidays', 'BR'], ['2026-02-16']])).jurisdictions[1]
    expect(added?.calendar.holidays.slice(0, 2)).toEqual(['2026-01-01', '2026-02-16'])
  })

  it('refuse a date that is not YYYY-MM-DD', () => {
    expect(errorsAfter([['holidays', 'AR'], ['2027-13-01']])).toEqual(['INVALID_VALUE holidays.AR[0]'])
  })
})
