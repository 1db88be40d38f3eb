import type { Jurisdiction } from './jurisdictions'

// Data categories in the style of fideslang (ethyca/fideslang). `specialIn` lists the jurisdictions whose
// law treats the category as special ("sensitive") data; that drives explicit consent, caching and DPIAs.

export interface CategoryFacts {
  readonly personal: boolean
  readonly specialIn: readonly Jurisdiction[]
  readonly note?: string
}

export const DATA_CATEGORIES = {
  'system.assets': { personal: false, specialIn: [] },
  'system.operations': { personal: false, specialIn: [] },
  'user.account': { personal: true, specialIn: [] },
  'user.contact': { personal: true, specialIn: [] },
  'user.financial': { personal: true, specialIn: [] },
  'user.location': { personal: true, specialIn: [] },
  'user.content': { personal: true, specialIn: [] },
  'user.behavior': { personal: true, specialIn: [] },
  'user.authentication': { personal: true, specialIn: [] },
  'user.health': {
    personal: true,
    specialIn: ['AR', 'BR', 'EU'],
    note: 'Health data is sensitive data under Ley 25.326 art. 2, LGPD art. 5 II and GDPR art. 9.',
  },
  'user.biometrics': {
    personal: true,
    specialIn: ['BR', 'EU'],
    note: 'Biometric data is special-category data under LGPD art. 5 II and GDPR art. 9; Ley 25.326 art. 2 does not list it among sensitive data, so it is treated as special by choice.',
  },
  'user.genetic': { personal: true, specialIn: ['BR', 'EU'] },
  'user.racial_ethnic_origin': { personal: true, specialIn: ['AR', 'BR', 'EU'] },
  'user.political_opinion': { personal: true, specialIn: ['AR', 'BR', 'EU'] },
  'user.religious_belief': { personal: true, specialIn: ['AR', 'BR', 'EU'] },
  'user.sexual_orientation': { personal: true, specialIn: ['AR', 'BR', 'EU'] },
  'user.trade_union_membership': { personal: true, specialIn: ['AR', 'BR', 'EU'] },
} as const satisfies Record<string, CategoryFacts>

export type DataCategory = keyof typeof DATA_CATEGORIES
export const DATA_CATEGORY_NAMES = Object.keys(DATA_CATEGORIES) as [DataCategory, ...DataCategory[]]

/** Special categories are treated as special everywhere once any jurisdiction names them: the strictest rule wins. */
export function isSpecialCategory(category: DataCategory): boolean {
  return DATA_CATEGORIES[category].specialIn.length > 0
}
