import { describe, expect, it } from 'vitest'
import { clockTime, dnsLabel, label, timeZone } from './text'
import { IANA_TIME_ZONES, TZDATA_VERSION } from './time-zones'

describe('text units', () => {
  it('clockTime takes HH:MM on a 24 h clock', () => {
    expect(clockTime.parse('09:00')).toBe('09:00')
    expect(clockTime.parse('24:00')).toBe('24:00')
    for (const bad of ['9:00', '24:01', '12:60', '0900']) expect(clockTime.safeParse(bad).success).toBe(false)
  })

  it('timeZone takes IANA names only', () => {
    expect(timeZone.parse('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires')
    expect(timeZone.parse('UTC')).toBe('UTC')
    expect(timeZone.safeParse('ART').success).toBe(false)
    expect(timeZone.safeParse('America/Nowhere').success).toBe(false)
    expect(timeZone.safeParse('EST').success).toBe(false)
    // ICU takes any letter case; the files KEDA and the tzdata consumers look up do not.
    expect(timeZone.safeParse('america/argentina/buenos_aires').success).toBe(false)
    expect(timeZone.safeParse('utc').success).toBe(false)
  })

  it('timeZone takes both a zone and its link (the name in the seeds is a link in older tzdata)', () => {
    for (const zone of [
      'America/Buenos_Aires',
      'Asia/Kolkata',
      'Asia/Calcutta',
      'Europe/Kyiv',
      'Etc/GMT+3',
    ]) {
      expect(timeZone.safeParse(zone).success, zone).toBe(true)
    }
  })

  it(`every name of the tzdata ${TZDATA_VERSION} list is one this runtime's ICU knows`, () => {
    expect(IANA_TIME_ZONES.size).toBeGreaterThan(550)
    const unknownToIcu = [...IANA_TIME_ZONES].filter((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return false
      } catch {
        return true
      }
    })
    expect(unknownToIcu).toEqual([])
  })

  it('dnsLabel takes lowercase DNS labels', () => {
    expect(dnsLabel.parse('buenos-aires')).toBe('buenos-aires')
    for (const bad of ['Buenos', '-a', 'a-', 'a_b', '']) expect(dnsLabel.safeParse(bad).success).toBe(false)
  })

  it('label refuses control characters and multi-line text', () => {
    expect(label.parse('Turnos S.A.')).toBe('Turnos S.A.')
    expect(label.safeParse('line\nbreak').success).toBe(false)
    expect(label.safeParse('').success).toBe(false)
  })
})
