import type { Workload } from './names'

const DAY = 1440
const WEEKDAY_NUMBERS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }

/** A window of raised capacity: KEDA's cron trigger holds `desiredReplicas` from `start` until `end`. */
export interface CapacityWindow {
  readonly name: string
  readonly start: string
  readonly end: string
  readonly desiredReplicas: number
}

function clock(text: string): number {
  const [hours, minutes] = text.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

// A minute of a day that may fall before midnight or after it (start minus lead time, an end of 24:00)
// as a cron expression on the right days.
function cronAt(minute: number, days: readonly number[]): string {
  const shift = Math.floor(minute / DAY)
  const within = minute - shift * DAY
  const shifted = [...new Set(days.map((d) => (((d + shift) % 7) + 7) % 7))].sort((a, b) => a - b)
  return `${within % 60} ${Math.floor(within / 60)} * * ${shifted.join(',')}`
}

/**
 * The business-hours window and one window per daily peak (on business days), each opening `leadTime`
 * before its start so that new pods are ready when the traffic arrives. KEDA takes the highest
 * of all triggers, so overlapping windows need no special handling.
 */
export function capacityWindows(workload: Workload): CapacityWindow[] {
  const { businessHours, peaks, leadTime, businessMinReplicas, peakMinReplicas } = workload.schedule
  const days = businessHours.days.map((d) => WEEKDAY_NUMBERS[d] ?? 0)
  const lead = Math.ceil(leadTime / 60)
  const window = (name: string, start: string, end: string, desiredReplicas: number): CapacityWindow => {
    const opens = clock(start) - lead
    // A window that ends at or before it opens (22:00-02:00) ends on the next day.
    const closes = clock(end) <= opens ? clock(end) + DAY : clock(end)
    return { name, start: cronAt(opens, days), end: cronAt(closes, days), desiredReplicas }
  }
  // A window that would not raise the minimum says nothing, so it is left out.
  return [
    window('business-hours', businessHours.start, businessHours.end, businessMinReplicas),
    ...peaks.map((peak, index) => window(`peak-${index + 1}`, peak.start, peak.end, peakMinReplicas)),
  ].filter((w) => w.desiredReplicas > workload.autoscaling.minReplicas)
}
