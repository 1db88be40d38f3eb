import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing'
import { logRetentionDays } from './logs'
import { dataStoreMaintenanceWindow, standardOffset } from './maintenance'

describe('standardOffset', () => {
  it.each([
    ['America/Argentina/Buenos_Aires', -180],
    ['Europe/Madrid', 60],
    ['Australia/Sydney', 600],
    ['Asia/Kolkata', 330],
    ['UTC', 0],
  ])('%s is %i minutes from UTC outside daylight saving', (zone, minutes) => {
    expect(standardOffset(zone)).toBe(minutes)
  })
})

describe('dataStoreMaintenanceWindow', () => {
  const platform = examplePlatform()
  const withWindows = (windows: object) =>
    ({ ...platform, maintenance: { ...platform.maintenance, windows } }) as unknown as typeof platform

  it('turns the database window (Sunday 04:00-05:00 in Buenos Aires) into UTC', () => {
    expect(dataStoreMaintenanceWindow(platform)).toBe('sun:07:00-sun:08:00')
  })

  it('wraps across midnight and the end of the week', () => {
    const late = { days: ['sat'], start: '23:00', end: '01:00', scope: 'database', emergencyOnly: false }
    expect(dataStoreMaintenanceWindow(withWindows({ late }))).toBe('sun:02:00-sun:04:00')
  })

  it('falls back to the first regular window, never an emergency-only one, and to none at all', () => {
    const emergency = { days: ['wed'], start: '01:00', end: '03:00', scope: 'all', emergencyOnly: true }
    const primary = { days: ['sun'], start: '02:00', end: '04:00', scope: 'all', emergencyOnly: false }
    expect(dataStoreMaintenanceWindow(withWindows({ emergency, primary }))).toBe('sun:05:00-sun:07:00')
    expect(dataStoreMaintenanceWindow(withWindows({ emergency }))).toBeNull()
  })
})

describe('logRetentionDays', () => {
  const platform = examplePlatform()
  const withLogs = (seconds: number) =>
    ({ ...platform, monitoring: { ...platform.monitoring, logRetention: seconds } }) as typeof platform

  it('keeps logs at least as long as configured, in a period CloudWatch accepts', () => {
    expect(logRetentionDays(platform)).toBe(90)
    expect(logRetentionDays(withLogs(100 * 86_400))).toBe(120)
    expect(logRetentionDays(withLogs(3600))).toBe(1)
  })

  it('refuses a retention longer than CloudWatch can keep', () => {
    expect(() => logRetentionDays(withLogs(4000 * 86_400))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
  })
})
