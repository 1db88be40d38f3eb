import type { BreachClock, JurisdictionFacts } from '@verticals/config-schema'
import { addBusinessDaysIn } from '../dsr/deadlines'

/** One notification an open breach owes, with the deadline that binds and the law's own. */
export interface BreachNotification {
  jurisdiction: string
  to: 'authority' | 'subjects'
  addressee: string
  /** The earlier of the law's deadline and the internal target; null when neither exists. */
  dueAt: string | null
  /** The law's deadline (null: the law sets none, as in Argentina). */
  legalDueAt: string | null
  source: string
  /** When the notification was sent (incidents.notified), else null. */
  notifiedAt: string | null
}

/**
 * The notifications of a breach the controller became aware of at `awareAt`: per clock, the law's
 * deadline (hours by the clock, business days in the jurisdiction's calendar and time zone) and the
 * internal target from awareness; the earlier binds.
 */
export function breachNotifications(
  awareAt: Date,
  clocks: readonly BreachClock[],
  jurisdictions: readonly JurisdictionFacts[],
): BreachNotification[] {
  return clocks.map((clock) => {
    const facts = jurisdictions.find((j) => j.code === clock.jurisdiction)
    const legal =
      clock.deadline === null
        ? null
        : 'hours' in clock.deadline
          ? new Date(awareAt.getTime() + clock.deadline.hours * 3_600_000)
          : facts
            ? addBusinessDaysIn(awareAt, clock.deadline.businessDays, facts.calendar)
            : null
    const target = clock.target === null ? null : new Date(awareAt.getTime() + clock.target * 1000)
    const due = [legal, target]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0]
    return {
      jurisdiction: clock.jurisdiction,
      to: clock.to,
      addressee: clock.addressee,
      dueAt: due?.toISOString() ?? null,
      legalDueAt: legal?.toISOString() ?? null,
      source: clock.source,
      notifiedAt: null,
    }
  })
}
