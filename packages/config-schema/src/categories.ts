import { FIDESLANG_CATEGORIES, type FideslangCategory } from './fideslang'
import type { Jurisdiction } from './jurisdictions'

// Data categories are fideslang keys (fideslang.ts holds the taxonomy). `specialIn` lists the
// jurisdictions whose law treats the category as special ("sensitive") data; that drives explicit
// consent, caching and DPIAs. A key without its own entry takes the facts of its nearest listed
// ancestor (user.health.medical_diagnosis is health data); any other user.* key is personal, not special.

export interface CategoryFacts {
  readonly personal: boolean
  readonly specialIn: readonly Jurisdiction[]
  readonly note?: string
}

const STRICT: readonly Jurisdiction[] = ['AR', 'BR', 'EU']

export const DATA_CATEGORIES = {
  system: { personal: false, specialIn: [] },
  'system.authentication': { personal: false, specialIn: [] },
  'system.operations': { personal: false, specialIn: [] },
  user: { personal: true, specialIn: [] },
  'user.account': { personal: true, specialIn: [] },
  'user.contact': { personal: true, specialIn: [] },
  'user.financial': { personal: true, specialIn: [] },
  'user.location': { personal: true, specialIn: [] },
  'user.content': { personal: true, specialIn: [] },
  'user.behavior': { personal: true, specialIn: [] },
  'user.authorization': { personal: true, specialIn: [] },
  'user.health': {
    personal: true,
    specialIn: STRICT,
    note: 'Health data is sensitive data under Ley 25.326 art. 2, LGPD art. 5 II and GDPR art. 9.',
  },
  'user.biometrics': {
    personal: true,
    specialIn: ['BR', 'EU'],
    note: 'Biometric data is special-category data under LGPD art. 5 II and GDPR art. 9; Ley 25.326 art. 2 does not list it among sensitive data, so it is treated as special by choice.',
  },
  'user.authorization.biometrics': { personal: true, specialIn: ['BR', 'EU'] },
  'user.health.genetic': { personal: true, specialIn: ['BR', 'EU'] },
  'user.demographic.race_ethnicity': { personal: true, specialIn: STRICT },
  'user.demographic.political_opinion': { personal: true, specialIn: STRICT },
  'user.demographic.religious_belief': { personal: true, specialIn: STRICT },
  'user.demographic.philosophical_belief': { personal: true, specialIn: STRICT },
  'user.demographic.sexual_orientation': { personal: true, specialIn: STRICT },
  'user.demographic.union_membership': { personal: true, specialIn: STRICT },
} as const satisfies Partial<Record<FideslangCategory, CategoryFacts>>

/** A data category: a key of the fideslang taxonomy. */
export type DataCategory = FideslangCategory
export const DATA_CATEGORY_NAMES = [...FIDESLANG_CATEGORIES] as [DataCategory, ...DataCategory[]]

const FACTS: Readonly<Record<string, CategoryFacts>> = DATA_CATEGORIES

/** The facts of a category: its own entry, else its nearest ancestor's. */
export function categoryFacts(category: DataCategory): CategoryFacts {
  for (let key: string = category; key !== ''; key = key.slice(0, Math.max(0, key.lastIndexOf('.')))) {
    const found = FACTS[key]
    if (found) return found
  }
  return { personal: category.startsWith('user'), specialIn: [] }
}

/** Special categories are treated as special everywhere once any jurisdiction names them: the strictest rule wins. */
export function isSpecialCategory(category: DataCategory): boolean {
  return categoryFacts(category).specialIn.length > 0
}
