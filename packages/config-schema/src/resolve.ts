import { DEFAULT_BREACH_ALERT_BEFORE, resolveBreachClocks } from './breach'
import { JURISDICTION_FACTS } from './jurisdictions'
import { PRESETS } from './presets'
import { AWS_REGION_COUNTRIES } from './regions'
import { presetOf, resolveCatalogs } from './resolve-catalogs'
import { resolveWorkloads } from './resolve-workloads'
import type {
  ResolvedDataClass,
  ResolvedMarket,
  ResolvedPlatform,
  ResolvedPlatformShape,
  ResolvedRegion,
  ResolvedVertical,
} from './resolved'
import type { PlatformConfig } from './schema/platform'

export { presetOf } from './resolve-catalogs'

/** Freezes every object reachable from `value`, so no consumer can change the resolved platform. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function resolveVertical(
  config: PlatformConfig,
  name: string,
  source: PlatformConfig['verticals'][string],
  classes: Record<string, ResolvedDataClass>,
): ResolvedVertical {
  const presetName = presetOf(name, source)
  const preset = PRESETS[presetName]
  const dataClasses = [...(source.dataClasses ?? preset.dataClasses)]
  const specialCategories = [
    ...new Set(
      dataClasses
        .map((c) => classes[c])
        .filter((c) => c?.special)
        .map((c) => c!.category),
    ),
  ].sort()
  const liveMarkets = Object.entries(config.markets)
    .filter(([, m]) => m.status === 'live')
    .map(([market]) => market)
  return {
    name,
    preset: presetName,
    enabled: source.enabled,
    displayName: source.displayName ?? name.charAt(0).toUpperCase() + name.slice(1),
    description: preset.description,
    namespace: `${config.metadata.name}-${name}`,
    dataClasses,
    purposes: [...(source.purposes ?? preset.purposes)],
    objectStorage: source.objectStorage ?? preset.objectStorage,
    socialIntegrations: [...(source.socialIntegrations ?? preset.socialIntegrations)],
    dataSubjects: [...(source.dataSubjects ?? preset.dataSubjects)],
    // A vertical that processes special categories always needs a DPIA, whatever its preset says.
    dpiaRequired: preset.dpiaRequired || specialCategories.length > 0,
    specialCategories,
    notes: [...preset.notes],
    markets: [...(source.markets ?? liveMarkets)],
    workloads: resolveWorkloads(config, name, source),
    budget: source.budget ? { ...source.budget } : null,
    dataStores: { ...source.dataStores },
    platformWideErasure: source.platformWideErasure,
  }
}

/**
 * Applies defaults, presets and overrides to a schema-valid config. The result is fully explicit and
 * deeply frozen. Run the cross-field rules (`checkRules`) on it before trusting it.
 */
export function resolve(config: PlatformConfig): ResolvedPlatform {
  const { classes, purposes } = resolveCatalogs(config)
  const regions: ResolvedRegion[] = config.regions.map((r) => ({
    ...r,
    country: AWS_REGION_COUNTRIES[r.name] as string,
  }))
  const markets: Record<string, ResolvedMarket> = {}
  for (const [name, m] of Object.entries(config.markets)) {
    markets[name] = {
      name,
      city: m.city,
      tier: m.tier,
      status: m.status,
      trafficShare: m.trafficShare,
      budget: { ...m.budget },
      latencyP95: m.latencyP95 ?? config.tiers[m.tier]?.latencyP95 ?? config.slo.latencyP95,
      edgeCache: m.edgeCache,
      recognize: {
        viewerRegions: [...(m.recognize?.viewerRegions ?? [])],
        viewerCities: [...(m.recognize?.viewerCities ?? [])],
        hosts: [...(m.recognize?.hosts ?? [])],
        pathPrefixes: [...(m.recognize?.pathPrefixes ?? [])],
      },
    }
  }
  const verticals: Record<string, ResolvedVertical> = {}
  for (const [name, v] of Object.entries(config.verticals))
    verticals[name] = resolveVertical(config, name, v, classes)
  const primary = regions.find((r) => r.role === 'primary') ?? (regions[0] as ResolvedRegion)
  const shape: ResolvedPlatformShape = {
    ...structuredClone(config),
    metadata: {
      ...structuredClone(config.metadata),
      npm: { scope: config.metadata.npm.scope ?? `@${config.metadata.name}`, name: config.metadata.npm.name },
    },
    // The shipped calendar plus the holidays platform.yaml adds, sorted and without duplicates.
    jurisdictions: config.jurisdictions.map((code) => {
      const facts = JURISDICTION_FACTS[code]
      const holidays = [...new Set([...facts.calendar.holidays, ...(config.holidays[code] ?? [])])].sort()
      return { ...facts, calendar: { ...facts.calendar, holidays } }
    }),
    regions,
    primaryRegion: primary,
    drRegion: regions.find((r) => r.role === 'dr') ?? null,
    markets,
    verticals,
    dataClasses: classes,
    consent: { maxValidity: config.consent.maxValidity, textVersion: config.consent.textVersion, purposes },
    breachNotification: {
      clocks: resolveBreachClocks(config.jurisdictions, config.incidents.breachNotification),
      alertBefore: config.alerts.breachNotification?.before ?? DEFAULT_BREACH_ALERT_BEFORE,
      severity: config.alerts.breachNotification?.severity ?? config.alerts.dsrDeadline.overdueSeverity,
    },
    terraform: {
      state: {
        bucket: config.terraform.state.bucket ?? `${config.metadata.name}-terraform-state`,
        keyPrefix: config.terraform.state.keyPrefix ?? config.metadata.name,
        region: config.terraform.state.region ?? primary.name,
      },
    },
  }
  return deepFreeze(shape) as ResolvedPlatform
}
