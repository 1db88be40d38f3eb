import type { ResolvedWorkload } from '@verticals/config-schema'

const WEEK = 7 * 1440
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }

function minuteOfDay(text: string): number {
  const [h, m] = text.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * The average number of replicas of a workload over a week, as the generated schedule holds them:
 * `minReplicas` at all times, `businessMinReplicas` during business hours and `peakMinReplicas`
 * during peaks (on business days), each window opening `leadTime` early as the KEDA cron triggers
 * do. Load above these minimums is not estimated.
 */
export function averageReplicas(workload: ResolvedWorkload): number {
  const { schedule, autoscaling } = workload
  const replicas = new Array<number>(WEEK).fill(autoscaling.minReplicas)
  const lead = Math.ceil(schedule.leadTime / 60)
  const raise = (day: number, start: string, end: string, to: number) => {
    const opens = day * 1440 + minuteOfDay(start) - lead
    let closes = day * 1440 + minuteOfDay(end)
    if (closes <= opens) closes += 1440
    for (let m = opens; m < closes; m++) {
      const at = ((m % WEEK) + WEEK) % WEEK
      replicas[at] = Math.max(replicas[at] as number, to)
    }
  }
  for (const name of schedule.businessHours.days) {
    const day = DAYS[name] ?? 0
    raise(day, schedule.businessHours.start, schedule.businessHours.end, schedule.businessMinReplicas)
    for (const peak of schedule.peaks) raise(day, peak.start, peak.end, schedule.peakMinReplicas)
  }
  return replicas.reduce((a, b) => a + b, 0) / WEEK
}
