import type { Jurisdiction } from './jurisdictions'

// Personal-data breach notification: whom each law says to notify, and by when, counted from the moment
// the controller becomes aware of the breach. Each figure cites its source; where the law sets no
// deadline, the clock has none and says so (platform.yaml may still set an internal target).

/** Whom a notification goes to: the supervisory authority or the affected data subjects. */
export type BreachAddresseeKind = 'authority' | 'subjects'

/** The law's deadline: calendar hours, business days in the jurisdiction's calendar, or none. */
export type BreachDeadline = { readonly hours: number } | { readonly businessDays: number } | null

/** One notification a breach may require under a law. */
export interface BreachClockFacts {
  readonly to: BreachAddresseeKind
  readonly addressee: string
  readonly deadline: BreachDeadline
  /** The article (and, where the law sets no deadline, the guidance) the clock comes from. */
  readonly source: string
  /** Where the law (or guidance) lists what the notification must contain. */
  readonly contents: string
}

/** The notifications each law requires, with their sources. */
export const BREACH_FACTS: Readonly<Record<Jurisdiction, readonly BreachClockFacts[]>> = {
  AR: [
    {
      to: 'authority',
      addressee: 'Agencia de Acceso a la Información Pública (AAIP)',
      deadline: null,
      source:
        'Ley 25.326 sets no breach-notification duty or deadline; AAIP Resolución 47/2018 (medidas de seguridad recomendadas) recommends notifying security incidents to the AAIP and the affected data subjects',
      contents: 'AAIP Resolución 47/2018 (recommended content)',
    },
  ],
  BR: [
    {
      to: 'authority',
      addressee: 'Autoridade Nacional de Proteção de Dados (ANPD)',
      deadline: { businessDays: 3 },
      source:
        'LGPD art. 48; Resolução CD/ANPD nº 15/2024 art. 6 (three business days from knowing the incident affected personal data)',
      contents: 'LGPD art. 48 § 1; Resolução CD/ANPD nº 15/2024 art. 6',
    },
    {
      to: 'subjects',
      addressee: 'the affected data subjects',
      deadline: { businessDays: 3 },
      source: 'LGPD art. 48; Resolução CD/ANPD nº 15/2024 art. 9 (three business days)',
      contents: 'LGPD art. 48 § 1; Resolução CD/ANPD nº 15/2024 art. 9',
    },
  ],
  EU: [
    {
      to: 'authority',
      addressee: 'the competent supervisory authority',
      deadline: { hours: 72 },
      source:
        'GDPR art. 33(1) (without undue delay and, where feasible, not later than 72 hours after becoming aware)',
      contents: 'GDPR art. 33(3)',
    },
    {
      to: 'subjects',
      addressee: 'the affected data subjects',
      deadline: null,
      source: 'GDPR art. 34(1) (without undue delay, when the breach is likely to result in a high risk)',
      contents: 'GDPR art. 34(2)',
    },
  ],
}

/** A resolved clock: the law's facts plus the internal target platform.yaml sets. */
export interface BreachClock extends BreachClockFacts {
  readonly jurisdiction: Jurisdiction
  /** Seconds from awareness: `incidents.breachNotification.<J>.within`, or null when none is set. */
  readonly target: number | null
}

/** The longest a law's deadline is certain to allow, in seconds (a business day counts as one day). */
export function breachDeadlineSeconds(deadline: BreachDeadline): number | null {
  if (deadline === null) return null
  return 'hours' in deadline ? deadline.hours * 3600 : deadline.businessDays * 86_400
}

/** The clocks of the declared jurisdictions, with the addressees and targets platform.yaml sets. */
export function resolveBreachClocks(
  jurisdictions: readonly Jurisdiction[],
  overrides: Readonly<
    Partial<Record<Jurisdiction, { within?: number | undefined; addressee?: string | undefined }>>
  >,
): BreachClock[] {
  return jurisdictions.flatMap((jurisdiction) =>
    BREACH_FACTS[jurisdiction].map((facts) => {
      const own = overrides[jurisdiction]
      return {
        ...facts,
        jurisdiction,
        addressee: facts.to === 'authority' && own?.addressee ? own.addressee : facts.addressee,
        target: own?.within ?? null,
      }
    }),
  )
}

/** Seconds before a deadline the breach alert fires when `alerts.breachNotification` is not set: 12 hours. */
export const DEFAULT_BREACH_ALERT_BEFORE = 12 * 3600
