import { describe, expect, it } from 'vitest'
import type { Workload } from './names'
import { capacityWindows } from './schedule'
import { examplePlatform } from './testing'

const api = examplePlatform().verticals.psychology!.workloads.api!
const withSchedule = (schedule: Partial<Workload['schedule']>): Workload => ({
  ...api,
  schedule: { ...api.schedule, ...schedule },
})

describe('capacityWindows', () => {
  it('opens business hours and each peak leadTime early, on business days (the example)', () => {
    expect(capacityWindows(api)).toEqual([
      {
        name: 'business-hours',
        start: '45 8 * * 1,2,3,4,5,6',
        end: '0 18 * * 1,2,3,4,5,6',
        desiredReplicas: 3,
      },
      { name: 'peak-1', start: '45 8 * * 1,2,3,4,5,6', end: '0 12 * * 1,2,3,4,5,6', desiredReplicas: 4 },
      { name: 'peak-2', start: '45 16 * * 1,2,3,4,5,6', end: '0 20 * * 1,2,3,4,5,6', desiredReplicas: 4 },
    ])
  })

  it('moves a window that opens before midnight to the previous day, Sunday wrapping to Saturday', () => {
    const [business] = capacityWindows(
      withSchedule({
        businessHours: { days: ['sun', 'mon'], start: '00:10', end: '06:00' },
        peaks: [],
        leadTime: 1800,
      }),
    )
    expect(business).toMatchObject({ start: '40 23 * * 0,6', end: '0 6 * * 0,1' })
  })

  it('ends a window that crosses midnight, or ends at 24:00, on the next day', () => {
    const [night, late] = [
      capacityWindows(
        withSchedule({
          businessHours: { days: ['fri'], start: '22:00', end: '02:00' },
          peaks: [],
          leadTime: 0,
        }),
      )[0],
      capacityWindows(
        withSchedule({
          businessHours: { days: ['sat'], start: '18:00', end: '24:00' },
          peaks: [],
          leadTime: 0,
        }),
      )[0],
    ]
    expect(night).toMatchObject({ start: '0 22 * * 5', end: '0 2 * * 6' })
    expect(late).toMatchObject({ start: '0 18 * * 6', end: '0 0 * * 0' })
  })

  it('rounds a lead time of seconds up to whole minutes, since cron counts minutes', () => {
    const [business] = capacityWindows(withSchedule({ leadTime: 90, peaks: [] }))
    expect(business?.start).toBe('58 8 * * 1,2,3,4,5,6')
  })

  it('leaves out windows that would not raise the minimum', () => {
    const quiet = { ...api, autoscaling: { ...api.autoscaling, minReplicas: 3 } }
    expect(capacityWindows(quiet).map((w) => w.name)).toEqual(['peak-1', 'peak-2'])
  })
})
