import type { ResolvedWorkload } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../infrastructure/testing'
import { averageReplicas } from './replicas'

// The schedule minute by minute, as averageReplicas once computed it: the reference it must equal.
function minuteByMinute(workload: ResolvedWorkload): number {
  const { schedule, autoscaling } = workload
  const week = 7 * 1440
  const days: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }
  const minute = (text: string) => {
    const [h, m] = text.split(':').map(Number)
    return (h ?? 0) * 60 + (m ?? 0)
  }
  const replicas = new Array<number>(week).fill(autoscaling.minReplicas)
  const lead = Math.ceil(schedule.leadTime / 60)
  const raise = (day: number, start: string, end: string, to: number) => {
    const opens = day * 1440 + minute(start) - lead
    let closes = day * 1440 + minute(end)
    if (closes <= opens) closes += 1440
    for (let m = opens; m < closes; m++) {
      const at = ((m % week) + week) % week
      replicas[at] = Math.max(replicas[at] as number, to)
    }
  }
  for (const name of schedule.businessHours.days) {
    raise(
      days[name] ?? 0,
      schedule.businessHours.start,
      schedule.businessHours.end,
      schedule.businessMinReplicas,
    )
    for (const peak of schedule.peaks) raise(days[name] ?? 0, peak.start, peak.end, schedule.peakMinReplicas)
  }
  return replicas.reduce((a, b) => a + b, 0) / week
}

describe('averageReplicas', () => {
  const workloads = Object.values(examplePlatform().verticals).flatMap((v) => Object.values(v.workloads))

  it('equals the minute-by-minute average for every workload of the example', () => {
    expect(workloads.length).toBeGreaterThan(3)
    for (const w of workloads) expect(averageReplicas(w)).toBe(minuteByMinute(w))
  })

  it('equals it for schedules that wrap past midnight and the week, overlap, and lower the count', () => {
    const base = workloads[0] as ResolvedWorkload
    const clock = (n: number) =>
      `${String(Math.floor(n / 60) % 25).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
    for (let i = 0; i < 300; i++) {
      const days = dayNames.filter(() => next(2) === 0)
      const workload = {
        ...base,
        autoscaling: { ...base.autoscaling, minReplicas: 1 + next(6) },
        schedule: {
          ...base.schedule,
          leadTime: next(4) * 600 + next(60),
          businessHours: { days, start: clock(next(1441)), end: clock(next(1441)) },
          peaks: Array.from({ length: next(4) }, () => ({
            start: clock(next(1441)),
            end: clock(next(1441)),
          })),
          businessMinReplicas: 1 + next(10),
          peakMinReplicas: 1 + next(10),
        },
      } as ResolvedWorkload
      expect(averageReplicas(workload), JSON.stringify(workload.schedule)).toBe(minuteByMinute(workload))
    }
  })
})
