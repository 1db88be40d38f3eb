import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing/example'
import { maintenanceIntervals } from './time-intervals'

describe('maintenanceIntervals', () => {
  it('splits a window that crosses midnight into two days', () => {
    const base = examplePlatform()
    const platform = {
      ...base,
      maintenance: {
        timeZone: 'UTC',
        windows: {
          late: { days: ['sat'], start: '23:00', end: '01:00', scope: 'all', emergencyOnly: false },
        },
      },
    } as typeof base
    expect(maintenanceIntervals(platform)).toEqual([
      {
        name: 'maintenance-late',
        mutes: 'all',
        // By default a window never mutes the most urgent severity.
        severities: ['high', 'medium', 'low'],
        intervals: [
          { weekdays: ['saturday'], times: [{ start_time: '23:00', end_time: '24:00' }], location: 'UTC' },
          { weekdays: ['sunday'], times: [{ start_time: '00:00', end_time: '01:00' }], location: 'UTC' },
        ],
      },
    ])
  })
})
