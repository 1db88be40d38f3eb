import { DEADLINE_OF, type DsrRequestKind, type JurisdictionFacts } from '@verticals/config-schema'

/** The kinds of data-subject request the runtime handles. */
export type DsrKind = DsrRequestKind

export const DSR_KINDS: readonly DsrKind[] = Object.keys(DEADLINE_OF) as DsrKind[]

/** The kinds whose deadlines platform.yaml (dsr.deadlines) and the jurisdiction facts state. */
export type DeadlineKind = 'access' | 'rectification' | 'erasure'

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['access', 'rectification', 'erasure']

/** Which deadline a request counts by (see DEADLINE_OF in @verticals/config-schema). */
export const DEADLINE_KIND: Readonly<Record<DsrKind, DeadlineKind>> = DEADLINE_OF

const DAY_MS = 86_400_000

/**
 * Adds business days (Monday to Friday, by UTC calendar date, no holidays; deadlines use addBusinessDaysIn) keeping the time of day: a request
 * opened on Friday 10:00 with 5 business days is due the next Friday 10:00. A request opened on a
 * weekend starts counting on Monday. Public holidays are not modelled (the deadline is then earlier,
 * never later, than the law's).
 */
export function addBusinessDays(start: Date, days: number): Date {
  let at = start.getTime()
  let left = days
  while (left > 0) {
    at += DAY_MS
    const weekday = new Date(at).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return new Date(at)
}

/** A working calendar: the time zone days are counted in and the holidays (YYYY-MM-DD) that do not count. */
export interface WorkingCalendar {
  readonly timeZone: string
  readonly holidays: readonly string[]
}

/**
 * Adds business days counted in a jurisdiction's own calendar: the request's local date and time in
 * `timeZone`, then `days` local dates that are neither Saturday, Sunday nor a holiday, due at the same
 * local time. A request opened in Buenos Aires on Friday 13 February 2026 with 5 business days is due
 * on Tuesday 24 February (Carnival falls on the 16th and 17th).
 */
export function addBusinessDaysIn(start: Date, days: number, calendar: WorkingCalendar): Date {
  const local = localParts(start, calendar.timeZone)
  const holidays = new Set(calendar.holidays)
  let date = Date.UTC(local.year, local.month - 1, local.day)
  let left = days
  while (left > 0) {
    date += DAY_MS
    const weekday = new Date(date).getUTCDay()
    if (weekday !== 0 && weekday !== 6 && !holidays.has(new Date(date).toISOString().slice(0, 10))) left -= 1
  }
  // The same wall-clock time on the due date, converted back with that date's UTC offset.
  const wall = date + local.msOfDay
  return new Date(
    wall - offsetMs(new Date(wall - offsetMs(new Date(wall), calendar.timeZone)), calendar.timeZone),
  )
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

// The local calendar date and time of day of an instant in a time zone.
function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  )
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts
  return { year, month, day, msOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + at.getUTCMilliseconds() }
}

// How far a time zone's wall clock is ahead of UTC at an instant.
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone)
  return Date.UTC(p.year, p.month - 1, p.day) + p.msOfDay - at.getTime()
}

/** The legal due date of one jurisdiction's deadline for a request opened at `openedAt`. */
export function legalDueDate(openedAt: Date, facts: JurisdictionFacts, kind: DsrKind): Date {
  const deadline = facts.deadlines[DEADLINE_KIND[kind]]
  return deadline.business
    ? addBusinessDaysIn(openedAt, deadline.days, facts.calendar)
    : new Date(openedAt.getTime() + deadline.days * DAY_MS)
}

/** Deadlines of a request: the strictest declared law, the internal target, and the one that binds. */
export interface DsrDeadlines {
  jurisdiction: string
  legalDueAt: Date
  targetDueAt: Date
  dueAt: Date
  warnAt: Date
}

/**
 * Computes a request's deadlines: the earliest legal due date over the declared jurisdictions, the
 * internal target (`dsr.deadlines`, seconds) and the earlier of the two; `warnAt` is `warnPercent`
 * of the way from opening to the binding due date.
 */
export function computeDeadlines(
  openedAt: Date,
  kind: DsrKind,
  jurisdictions: readonly JurisdictionFacts[],
  targetSeconds: number,
  warnPercent: number,
): DsrDeadlines {
  let strictest: { code: string; due: Date } | undefined
  for (const facts of jurisdictions) {
    const due = legalDueDate(openedAt, facts, kind)
    if (!strictest || due < strictest.due) strictest = { code: facts.code, due }
  }
  const targetDueAt = new Date(openedAt.getTime() + targetSeconds * 1000)
  const legalDueAt = strictest?.due ?? targetDueAt
  const dueAt = targetDueAt < legalDueAt ? targetDueAt : legalDueAt
  const warnAt = new Date(openedAt.getTime() + ((dueAt.getTime() - openedAt.getTime()) * warnPercent) / 100)
  return { jurisdiction: strictest?.code ?? 'none', legalDueAt, targetDueAt, dueAt, warnAt }
}
