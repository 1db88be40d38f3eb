import type { Jurisdiction } from './jurisdictions'

// The legal bases a purpose may rest on, and the article of each declared law that allows it. Special
// categories (sensitive data) have their own, narrower list: a basis missing there is not allowed for
// them in that jurisdiction. Figures cite the article so a DPO can check them without trusting us.

export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal-obligation',
  'legitimate-interest',
  'vital-interest',
  'health-care',
] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

/** The article that allows a basis for ordinary personal data, per jurisdiction. */
export const GENERAL_BASES: Readonly<Record<Jurisdiction, Readonly<Partial<Record<LegalBasis, string>>>>> = {
  AR: {
    consent: 'Ley 25.326 art. 5.1',
    contract: 'Ley 25.326 art. 5.2 d',
    'legal-obligation': 'Ley 25.326 art. 5.2 b',
    // Ley 25.326 art. 5.2 lists no legitimate-interest or vital-interest exception to consent.
    'health-care': 'Ley 25.326 art. 8',
  },
  BR: {
    consent: 'LGPD art. 7 I',
    contract: 'LGPD art. 7 V',
    'legal-obligation': 'LGPD art. 7 II',
    'legitimate-interest': 'LGPD art. 7 IX',
    'vital-interest': 'LGPD art. 7 VII',
    'health-care': 'LGPD art. 7 VIII',
  },
  EU: {
    consent: 'GDPR art. 6(1)(a)',
    contract: 'GDPR art. 6(1)(b)',
    'legal-obligation': 'GDPR art. 6(1)(c)',
    'vital-interest': 'GDPR art. 6(1)(d)',
    'legitimate-interest': 'GDPR art. 6(1)(f)',
    'health-care': 'GDPR art. 9(2)(h) with an art. 6(1) basis (usually (b) or (c))',
  },
}

/**
 * The article that allows a basis for special-category (sensitive) data, per jurisdiction. Consent
 * must then be explicit. Absent means the law gives no such ground for sensitive data.
 */
export const SPECIAL_BASES: Readonly<Record<Jurisdiction, Readonly<Partial<Record<LegalBasis, string>>>>> = {
  AR: {
    consent: 'Ley 25.326 art. 7.1 with art. 5 (express consent)',
    // Sensitive data without consent only "por razones de interés general autorizadas por ley".
    'legal-obligation': 'Ley 25.326 art. 7.2 (general interest authorized by law)',
    'health-care': 'Ley 25.326 art. 8 (health establishments and professionals, under professional secrecy)',
  },
  BR: {
    consent: 'LGPD art. 11 I (specific and highlighted consent)',
    'legal-obligation': 'LGPD art. 11 II a (legal or regulatory obligation)',
    'vital-interest': 'LGPD art. 11 II e (protection of life)',
    'health-care': 'LGPD art. 11 II f (health protection, by health professionals or services)',
  },
  EU: {
    consent: 'GDPR art. 9(2)(a) (explicit consent)',
    'vital-interest': 'GDPR art. 9(2)(c) (subject incapable of giving consent)',
    'health-care': 'GDPR art. 9(2)(h) with art. 9(3) (health care under professional secrecy)',
  },
}

/** Why a basis is missing from SPECIAL_BASES, where a reader would expect it. */
export const SPECIAL_BASIS_GAPS: Readonly<
  Partial<Record<Jurisdiction, Partial<Record<LegalBasis, string>>>>
> = {
  EU: {
    'legal-obligation':
      'GDPR art. 9(2) has no general legal-obligation ground: (b), (g) and (i) need a specific Union or Member State law',
  },
}

/** The article allowing `basis` in `jurisdiction`, for special-category data when `special`. */
export function basisSource(jurisdiction: Jurisdiction, basis: LegalBasis, special: boolean): string | null {
  return (special ? SPECIAL_BASES : GENERAL_BASES)[jurisdiction][basis] ?? null
}
