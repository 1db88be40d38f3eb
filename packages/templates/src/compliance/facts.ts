import {
  JURISDICTION_FACTS,
  type JurisdictionFacts,
  PlatformError,
  postgresOf,
  type ResolvedDataClass,
  type ResolvedPlatform,
  type ResolvedPurpose,
  type ResolvedVertical,
} from '@verticals/config-schema'
import type { BundleContext } from '../artifact'

// Lookups every compliance document shares. They read the resolved config (and config-schema's legal
// facts for a law the config does not declare); a missing reference is a bug in the config's
// cross-field rules, so it fails loudly instead of printing a blank.

/** What a compliance builder reads. */
export type ComplianceContext = Pick<BundleContext, 'platform' | 'vertical' | 'text'>

const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/

/** `<vertical>/<folder>/<file>`, refusing a vertical name that could leave the bundle directory. */
export function bundlePath(
  vertical: ResolvedVertical,
  folder: 'compliance' | 'runbooks',
  file: string,
): string {
  if (!DNS_LABEL.test(vertical.name)) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `vertical name ${JSON.stringify(vertical.name)} cannot name a bundle directory`,
      {
        hint: 'Vertical names are lowercase DNS labels such as "barber".',
      },
    )
  }
  return `${vertical.name}/${folder}/${file}`
}

/** The data classes the vertical uses, in the order platform.yaml lists them. */
export function classesOf(platform: ResolvedPlatform, vertical: ResolvedVertical): ResolvedDataClass[] {
  return vertical.dataClasses.map((name) => {
    const found = platform.dataClasses[name]
    if (!found)
      throw new PlatformError(
        'DATA_CLASS_UNKNOWN',
        `vertical ${vertical.name} uses data class ${name}, which is not defined`,
      )
    return found as ResolvedDataClass
  })
}

/** The consent purposes the vertical uses, in the order platform.yaml lists them. */
export function purposesOf(platform: ResolvedPlatform, vertical: ResolvedVertical): ResolvedPurpose[] {
  return vertical.purposes.map((name) => {
    const found = platform.consent.purposes[name]
    if (!found)
      throw new PlatformError(
        'PURPOSE_UNKNOWN',
        `vertical ${vertical.name} uses purpose ${name}, which is not defined`,
      )
    return found as ResolvedPurpose
  })
}

/** The purposes of the vertical that process a data class. */
export function purposesOfClass(purposes: readonly ResolvedPurpose[], dataClass: string): string[] {
  return purposes.filter((p) => p.dataClasses.includes(dataClass)).map((p) => p.name)
}

/** Facts of a jurisdiction: the declared copy first (it is what the runtime reads), else the catalog's. */
export function lawOf(platform: ResolvedPlatform, code: string): JurisdictionFacts | undefined {
  return (
    platform.jurisdictions.find((j) => j.code === code) ??
    (JURISDICTION_FACTS as Readonly<Record<string, JurisdictionFacts>>)[code]
  )
}

/** The jurisdiction whose law protects residents of a country: declared ones first. */
export function lawOfCountry(platform: ResolvedPlatform, country: string): JurisdictionFacts | undefined {
  const all = [...platform.jurisdictions, ...Object.values(JURISDICTION_FACTS)]
  return all.find((j) => j.countries.includes(country))
}

/** A severity of incidents.severities, or a PlatformError naming the alert that refers to it. */
export function severityOf(platform: ResolvedPlatform, name: string, usedBy: string) {
  const found = platform.incidents.severities[name]
  if (!found)
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `${usedBy} uses severity "${name}", not declared in incidents.severities`,
    )
  return { name, ...found }
}

/** "yes" or "no", for table cells. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}

/**
 * The other members of the vertical's shared PostgreSQL store that erase platform-wide with it (each
 * in its own schema, as its own roles): an erasure here asks each of them (its request_erasure
 * function, core migration 0010) and each erases with its own service, keys and duties; they may ask
 * this vertical the same way. Empty on a dedicated store.
 */
export function erasureCoTenants(platform: ResolvedPlatform, vertical: ResolvedVertical): string[] {
  if (!vertical.platformWideErasure) return []
  const known = coTenants.get(platform)?.get(vertical)
  if (known) return [...known]
  const pg = postgresOf(platform, vertical.name)
  const found =
    pg.shared === null
      ? []
      : pg.members.filter((m) => m !== vertical.name && platform.verticals[m]?.platformWideErasure === true)
  if (Object.isFrozen(platform) && Object.isFrozen(vertical)) {
    const ofPlatform = coTenants.get(platform) ?? new WeakMap<ResolvedVertical, readonly string[]>()
    coTenants.set(platform, ofPlatform.set(vertical, found))
  }
  return [...found]
}

// erasureCoTenants by platform and vertical: three documents of a vertical ask, and each answer lists
// every other member of its store (all of them, on a platform that shares one store).
const coTenants = new WeakMap<ResolvedPlatform, WeakMap<ResolvedVertical, readonly string[]>>()
