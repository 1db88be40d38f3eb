import { categoryFacts, type DataCategory, isSpecialCategory } from './categories'
import { basisSource } from './legal-bases'
import { PRESETS } from './presets'
import type { ResolvedDataClass, ResolvedPurpose } from './resolved'
import type { PlatformConfig } from './schema/platform'
import { PRESET_NAMES, type PresetName } from './schema/verticals'

/** The preset a vertical uses: its own `preset`, else its name when that names a preset, else barber. */
export function presetOf(name: string, vertical: PlatformConfig['verticals'][string]): PresetName {
  if (vertical.preset) return vertical.preset
  return (PRESET_NAMES as readonly string[]).includes(name) ? (name as PresetName) : 'barber'
}

/** The data classes and consent purposes of every preset in use, redefined by the file where it says so. */
export function resolveCatalogs(config: PlatformConfig) {
  const presets = Object.entries(config.verticals).map(([name, v]) => PRESETS[presetOf(name, v)])
  const classes: Record<string, ResolvedDataClass> = {}
  const definitions = {
    ...Object.assign({}, ...presets.map((p) => p.catalog.dataClasses)),
    ...config.dataClasses,
  }
  const presetTtl: Record<string, number> = Object.assign({}, ...presets.map((p) => p.catalog.cacheTtl))
  for (const [name, definition] of Object.entries(definitions) as [
    string,
    PlatformConfig['dataClasses'][string],
  ][]) {
    const category = definition.category as DataCategory
    classes[name] = {
      name,
      category,
      description: definition.description,
      fields: [...definition.fields],
      storage: [...definition.storage],
      recordClass: definition.recordClass ?? null,
      personal: categoryFacts(category).personal,
      special: isSpecialCategory(category),
      specialIn: [...categoryFacts(category).specialIn],
      cacheTtl: config.cache.ttl[name] ?? presetTtl[name] ?? 0,
      cdnTtl: config.cache.cdnTtl[name] ?? 0,
    }
  }
  const purposes: Record<string, ResolvedPurpose> = {}
  const purposeDefinitions = {
    ...Object.assign({}, ...presets.map((p) => p.catalog.purposes)),
    ...config.consent.purposes,
  } as Record<string, PlatformConfig['consent']['purposes'][string]>
  for (const [name, purpose] of Object.entries(purposeDefinitions)) {
    purposes[name] = {
      name,
      description: purpose.description,
      legalBasis: purpose.legalBasis,
      explicit: purpose.explicit,
      reconsentOnTextChange: purpose.reconsentOnTextChange ?? false,
      validity: purpose.validity ?? config.consent.maxValidity,
      dataClasses: [...purpose.dataClasses],
      special: purpose.dataClasses.some((c) => classes[c]?.special === true),
      legalSources: config.jurisdictions.map((jurisdiction) => {
        const special = purpose.dataClasses.some((c) => classes[c]?.specialIn.includes(jurisdiction))
        return { jurisdiction, special, article: basisSource(jurisdiction, purpose.legalBasis, special) }
      }),
    }
  }
  return { classes, purposes }
}
