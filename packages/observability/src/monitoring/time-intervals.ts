import type { ResolvedPlatform } from '@verticals/config-schema'
import { sorted } from './promql'
import { severitiesByUrgency } from './severities'

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
const LONG: Record<string, string> = {
  sun: 'sunday',
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
}

/** An Alertmanager time interval for one maintenance window, and which alerts it mutes. */
export interface MaintenanceInterval {
  readonly name: string
  /**
   * `all`: every alert of the vertical; `database`: database alerts only; `none`: declared for
   * emergencies (emergencyOnly) and muted by an operator's silence, never on a schedule.
   */
  readonly mutes: 'all' | 'database' | 'none'
  /** Severities the window mutes: the window's `severities`, by default every one but the most urgent. */
  readonly severities: readonly string[]
  readonly intervals: readonly Record<string, unknown>[]
}

/** The maintenance windows as time intervals in the configured time zone; a window past midnight is split in two. */
export function maintenanceIntervals(platform: ResolvedPlatform): MaintenanceInterval[] {
  const { timeZone, windows } = platform.maintenance
  const quietByDefault = severitiesByUrgency(platform).slice(1)
  return sorted(Object.entries(windows), ([name]) => name).map(([name, w]) => {
    const wraps = w.end <= w.start
    const next = (day: string) =>
      WEEKDAYS[(WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]) + 1) % 7] as string
    const intervals = wraps
      ? [
          {
            weekdays: w.days.map((d) => LONG[d] as string),
            times: [{ start_time: w.start, end_time: '24:00' }],
            location: timeZone,
          },
          {
            weekdays: w.days.map((d) => LONG[next(d)] as string),
            times: [{ start_time: '00:00', end_time: w.end }],
            location: timeZone,
          },
        ]
      : [
          {
            weekdays: w.days.map((d) => LONG[d] as string),
            times: [{ start_time: w.start, end_time: w.end }],
            location: timeZone,
          },
        ]
    const mutes = w.emergencyOnly ? 'none' : w.scope === 'database' ? 'database' : 'all'
    return { name: `maintenance-${name}`, mutes, severities: w.severities ?? quietByDefault, intervals }
  })
}
