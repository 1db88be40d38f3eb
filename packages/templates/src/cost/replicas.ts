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
  const lead = Math.ceil(schedule.leadTime / 60)
  // Each raised window as [from, to) minutes of the week; one that runs past the week's end wraps.
  const windows: { from: number; to: number; level: number }[] = []
  const raise = (day: number, start: string, end: string, level: number) => {
    const opens = day * 1440 + minuteOfDay(start) - lead
    let closes = day * 1440 + minuteOfDay(end)
    if (closes <= opens) closes += 1440
    for (let m = opens; m < closes; ) {
      const from = ((m % WEEK) + WEEK) % WEEK
      const length = Math.min(closes - m, WEEK - from)
      windows.push({ from, to: from + length, level })
      m += length
    }
  }
  for (const name of schedule.businessHours.days) {
    const day = DAYS[name] ?? 0
    raise(day, schedule.businessHours.start, schedule.businessHours.end, schedule.businessMinReplicas)
    for (const peak of schedule.peaks) raise(day, peak.start, peak.end, schedule.peakMinReplicas)
  }
  // Between two consecutive window edges the count is constant: the highest window open there, or
  // minReplicas. Replica counts are integers, so the sum is exact, as a minute-by-minute one is.
  const edges = [...new Set([0, WEEK, ...windows.flatMap((w) => [w.from, w.to])])].sort((a, b) => a - b)
  let total = 0
  for (let i = 0; i + 1 < edges.length; i++) {
    const at = edges[i] as number
    let level = autoscaling.minReplicas
    for (const w of windows) if (w.from <= at && at < w.to && w.level > level) level = w.level
    total += level * ((edges[i + 1] as number) - at)
  }
  return total / WEEK
}
