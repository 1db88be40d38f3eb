import type { ResolvedPlatform } from '@verticals/config-schema'

const DAY_MINUTES = 1440
const WEEK_MINUTES = 7 * DAY_MINUTES
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
// Fixed instants in January and July: the standard offset of a zone is the smaller of the two
// (daylight saving adds to it, in either hemisphere), and fixed instants keep the output deterministic.
const REFERENCE_INSTANTS = [Date.UTC(2025, 0, 15), Date.UTC(2025, 6, 15)]

// Offsets by zone: a DateTimeFormat costs about a millisecond to build, and every vertical's database
// and cache ask for the platform's one zone.
const offsets = new Map<string, number>()

/** The zone's standard offset from UTC in minutes (Buenos Aires: -180). */
export function standardOffset(timeZone: string): number {
  let offset = offsets.get(timeZone)
  if (offset === undefined) {
    offset = zoneOffset(timeZone)
    offsets.set(timeZone, offset)
  }
  return offset
}

function zoneOffset(timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
  const candidates = REFERENCE_INSTANTS.map((instant) => {
    const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
  })
  return Math.min(...candidates)
}

function clock(text: string): number {
  const [hours, minutes] = text.split(':').map(Number)
  return (hours ?? 0) * 60 + (minutes ?? 0)
}

function weekTime(minute: number): string {
  const at = ((minute % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[Math.floor(at / DAY_MINUTES)]}:${pad(Math.floor((at % DAY_MINUTES) / 60))}:${pad(at % 60)}`
}

/**
 * The weekly maintenance window of the data stores in the UTC form RDS and ElastiCache take
 * (`sun:07:00-sun:08:00`): the `database`-scoped window, else the first regular one; its first day
 * only, since AWS allows one window a week. Null when platform.yaml declares none. In zones with
 * daylight saving the window follows standard time.
 */
export function dataStoreMaintenanceWindow(platform: ResolvedPlatform): string | null {
  const windows = Object.values(platform.maintenance.windows).filter((w) => !w.emergencyOnly)
  const window = windows.find((w) => w.scope === 'database') ?? windows[0]
  const day = window ? DAYS.indexOf(window.days[0] as (typeof DAYS)[number]) : -1
  if (!window || day < 0) return null
  const offset = standardOffset(platform.maintenance.timeZone)
  const start = day * DAY_MINUTES + clock(window.start) - offset
  const length = (clock(window.end) - clock(window.start) + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES
  return `${weekTime(start)}-${weekTime(start + length)}`
}
