import { JURISDICTION_FACTS } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { addBusinessDays, computeDeadlines } from './deadlines'

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
