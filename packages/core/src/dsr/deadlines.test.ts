import { JURISDICTION_FACTS } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { addBusinessDays, addBusinessDaysIn, computeDeadlines } from './deadlines'

describe('addBusinessDays', () => {
  it('skips weekends and keeps the time of day', () => {
    expect(addBusinessDays(new Date('2026-06-05T10:00:00Z'), 5)).toEqual(new Date('2026-06-12T10:00:00Z')) // Fri -> Fri
    expect(addBusinessDays(new Date('2026-06-08T09:30:00Z'), 5)).toEqual(new Date('2026-06-15T09:30:00Z')) // Mon -> Mon
    expect(addBusinessDays(new Date('2026-06-03T00:00:00Z'), 1)).toEqual(new Date('2026-06-04T00:00:00Z')) // Wed -> Thu
  })

  it('starts counting on Monday for a request opened on a weekend', () => {
    expect(addBusinessDays(new Date('2026-06-06T12:00:00Z'), 1)).toEqual(new Date('2026-06-08T12:00:00Z')) // Sat -> Mon
    expect(addBusinessDays(new Date('2026-06-07T12:00:00Z'), 5)).toEqual(new Date('2026-06-12T12:00:00Z')) // Sun -> Fri
  })

  it('adds nothing for zero days', () => {
    const at = new Date('2026-06-06T12:00:00Z')
    expect(addBusinessDays(at, 0)).toEqual(at)
  })
})

describe('computeDeadlines', () => {
  const opened = new Date('2026-06-05T10:00:00Z')
  const facts = [JURISDICTION_FACTS.AR, JURISDICTION_FACTS.BR]

  it('takes the strictest declared law and the earlier of law and internal target', () => {
    const d = computeDeadlines(opened, 'erasure', facts, 86_400, 75)
    expect(d.jurisdiction).toBe('AR')
    expect(d.legalDueAt).toEqual(new Date('2026-06-12T10:00:00Z'))
    expect(d.targetDueAt).toEqual(new Date('2026-06-06T10:00:00Z'))
    expect(d.dueAt).toEqual(d.targetDueAt)
    expect(d.warnAt).toEqual(new Date('2026-06-06T04:00:00Z'))
  })

  it('lets the law bind when the internal target is looser', () => {
    const d = computeDeadlines(
      opened,
      'access',
      [JURISDICTION_FACTS.BR, JURISDICTION_FACTS.EU],
      30 * 86_400,
      50,
    )
    expect(d.jurisdiction).toBe('BR')
    expect(d.dueAt).toEqual(new Date('2026-06-20T10:00:00Z'))
    expect(d.dueAt).toEqual(d.legalDueAt)
  })

  it('falls back to the internal target when no jurisdiction is declared', () => {
    const d = computeDeadlines(opened, 'rectification', [], 172_800, 75)
    expect(d).toMatchObject({ jurisdiction: 'none', dueAt: new Date('2026-06-07T10:00:00Z') })
  })
})

describe('business days in the jurisdiction’s calendar', () => {
  const AR = JURISDICTION_FACTS.AR.calendar
  const BR = JURISDICTION_FACTS.BR.calendar

  it('skips Carnival: a rectification opened in Argentina on Friday 13 February 2026 is due Tuesday 24 February', () => {
    const opened = new Date('2026-02-13T12:00:00-03:00')
    expect(addBusinessDaysIn(opened, 5, AR)).toEqual(new Date('2026-02-24T12:00:00-03:00'))
    const d = computeDeadlines(opened, 'rectification', [JURISDICTION_FACTS.AR], 48 * 3600, 75)
    // The legal due date shown is the law's; the internal target (48 h) stays stricter and binds.
    expect(d.legalDueAt).toEqual(new Date('2026-02-24T12:00:00-03:00'))
    expect(d.dueAt).toEqual(new Date('2026-02-15T12:00:00-03:00'))
  })

  it('counts by the local date: Friday 23:30 in Buenos Aires is already Saturday in UTC', () => {
    const opened = new Date('2026-03-06T23:30:00-03:00') // Friday local, Saturday 02:30 UTC
    // Local days: Mon 9 .. Fri 13 → Friday 13 March 23:30 local. Counting by UTC date started on the
    // Saturday and ended a day early: Thursday 12 March 23:30 local.
    expect(addBusinessDaysIn(opened, 5, AR)).toEqual(new Date('2026-03-13T23:30:00-03:00'))
    expect(addBusinessDays(opened, 5)).toEqual(new Date('2026-03-12T23:30:00-03:00'))
  })

  it('skips each country’s own holidays: 24 March in Argentina, 21 April (Tiradentes) in Brazil', () => {
    expect(addBusinessDaysIn(new Date('2026-03-23T10:00:00-03:00'), 1, AR)).toEqual(
      new Date('2026-03-25T10:00:00-03:00'),
    )
    expect(addBusinessDaysIn(new Date('2026-04-20T10:00:00-03:00'), 1, BR)).toEqual(
      new Date('2026-04-22T10:00:00-03:00'),
    )
    // Carnival is only a "ponto facultativo" in Brazil: it counts there.
    expect(addBusinessDaysIn(new Date('2026-02-13T10:00:00-03:00'), 1, BR)).toEqual(
      new Date('2026-02-16T10:00:00-03:00'),
    )
  })

  it('takes holidays added in platform.yaml', () => {
    const extended = { ...AR, holidays: [...AR.holidays, '2027-02-08', '2027-02-09'] }
    expect(addBusinessDaysIn(new Date('2027-02-05T10:00:00-03:00'), 1, extended)).toEqual(
      new Date('2027-02-10T10:00:00-03:00'),
    )
    expect(addBusinessDaysIn(new Date('2027-02-05T10:00:00-03:00'), 1, AR)).toEqual(
      new Date('2027-02-08T10:00:00-03:00'),
    )
  })
})
