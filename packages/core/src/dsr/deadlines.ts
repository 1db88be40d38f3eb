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
 * Adds business days (Monday to Friday, by UTC calendar date) keeping the time of day: a request
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

/** The legal due date of one jurisdiction's deadline for a request opened at `openedAt`. */
export function legalDueDate(openedAt: Date, facts: JurisdictionFacts, kind: DsrKind): Date {
  const deadline = facts.deadlines[DEADLINE_KIND[kind]]
  return deadline.business
    ? addBusinessDays(openedAt, deadline.days)
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
