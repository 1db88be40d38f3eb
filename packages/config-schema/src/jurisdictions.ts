// Legal facts the rules check against. Each figure cites the article it comes from, so a reviewer
// can check it without trusting us. These are maxima set by law; platform.yaml sets stricter targets.

import { CALENDARS, type Calendar } from './holidays'

export const JURISDICTIONS = ['AR', 'BR', 'EU'] as const
export type Jurisdiction = (typeof JURISDICTIONS)[number]

export type DsrKind = 'access' | 'rectification' | 'erasure'

/** Every kind of data-subject request the runtime handles; the ones not in DsrKind count by one that is. */
export type DsrRequestKind = DsrKind | 'portability' | 'objection' | 'restriction'

/**
 * The deadline a request counts by. Portability is a form of access (LGPD art. 18 V, GDPR art. 20);
 * objection and restriction ("bloqueo") follow Ley 25.326 art. 16 like erasure (5 business days, the
 * strictest of the declared laws); GDPR gives every right one month (art. 12(3)).
 */
export const DEADLINE_OF: Readonly<Record<DsrRequestKind, DsrKind>> = {
  access: 'access',
  rectification: 'rectification',
  erasure: 'erasure',
  portability: 'access',
  objection: 'erasure',
  restriction: 'erasure',
}

/** A legal deadline: a number of calendar or business days. */
export interface LegalDeadline {
  /** The deadline in days (for a deadline in months, its usual length: 30 days). */
  readonly days: number
  readonly business: boolean
  /** Set when the law counts in calendar months (GDPR: one month). */
  readonly months?: number
  readonly source: string
}

export interface JurisdictionFacts {
  readonly code: Jurisdiction
  /** Time zone and public holidays business days are counted in (holidays.ts, plus platform.yaml `holidays`). */
  readonly calendar: Calendar
  readonly law: string
  readonly authority: string
  readonly deadlines: Readonly<Record<DsrKind, LegalDeadline>>
  /** Countries this jurisdiction deems adequate for transfers of personal data (ISO 3166-1 alpha-2). */
  readonly adequateCountries: readonly string[] | null
  readonly countries: readonly string[]
}

const EU_EEA = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] // biome-ignore format: a list of codes reads better packed

export const JURISDICTION_FACTS: Readonly<Record<Jurisdiction, JurisdictionFacts>> = {
  AR: {
    code: 'AR',
    calendar: CALENDARS.AR,
    law: 'Ley 25.326 de Protección de los Datos Personales',
    authority: 'Agencia de Acceso a la Información Pública (AAIP)',
    deadlines: {
      access: { days: 10, business: false, source: 'Ley 25.326 art. 14.2 (10 calendar days)' },
      rectification: { days: 5, business: true, source: 'Ley 25.326 art. 16.2 (5 business days)' },
      erasure: { days: 5, business: true, source: 'Ley 25.326 art. 16.2 (5 business days)' },
    },
    // Disposición DNPDP 60-E/2016: the countries Argentina deems adequate. Brazil and the USA are not on it.
    adequateCountries: [...EU_EEA, 'GB', 'CH', 'GG', 'JE', 'IM', 'FO', 'AD', 'CA', 'NZ', 'UY', 'IL', 'AR'],
    countries: ['AR'],
  },
  BR: {
    code: 'BR',
    calendar: CALENDARS.BR,
    law: 'Lei Geral de Proteção de Dados (LGPD, Lei 13.709/2018)',
    authority: 'Autoridade Nacional de Proteção de Dados (ANPD)',
    deadlines: {
      access: { days: 15, business: false, source: 'LGPD art. 19 II (full statement within 15 days)' },
      rectification: { days: 15, business: false, source: 'LGPD art. 18 III with art. 19 (15 days)' },
      erasure: { days: 15, business: false, source: 'LGPD art. 18 VI with art. 19 (15 days)' },
    },
    adequateCountries: null,
    countries: ['BR'],
  },
  EU: {
    code: 'EU',
    calendar: CALENDARS.EU,
    law: 'General Data Protection Regulation (GDPR, Regulation (EU) 2016/679)',
    authority: 'the competent supervisory authority',
    deadlines: {
      access: { days: 30, months: 1, business: false, source: 'GDPR art. 12(3) (one month)' },
      rectification: { days: 30, months: 1, business: false, source: 'GDPR art. 12(3) (one month)' },
      erasure: { days: 30, months: 1, business: false, source: 'GDPR art. 12(3) (one month)' },
    },
    // Art. 45 adequacy decisions that cover a whole country (the US framework covers certified companies only).
    adequateCountries: [
      ...EU_EEA,
      'AD',
      'AR',
      'CA',
      'FO',
      'GG',
      'IL',
      'IM',
      'JP',
      'JE',
      'NZ',
      'KR',
      'CH',
      'GB',
      'UY',
    ],
    countries: EU_EEA,
  },
}

/**
 * The longest time in seconds a deadline is certain to allow. Business days are counted as calendar
 * days (5 business days can be as short as 5 calendar days seen from a deadline that must always hold),
 * and a month as 28 days, the shortest month.
 */
export function guaranteedSeconds(deadline: LegalDeadline): number {
  if (deadline.months !== undefined) return deadline.months * 28 * 86_400
  return deadline.days * 86_400
}

/** The jurisdiction whose law applies to data stored in a country, if we know one. */
export function jurisdictionOfCountry(country: string): Jurisdiction | undefined {
  return JURISDICTIONS.find((code) => JURISDICTION_FACTS[code].countries.includes(country))
}
