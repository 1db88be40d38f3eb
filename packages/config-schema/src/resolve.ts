import { DATA_CATEGORIES, type DataCategory, isSpecialCategory } from './categories'
import { JURISDICTION_FACTS } from './jurisdictions'
import { DEFAULT_WORKLOADS, PRESETS } from './presets'
import { AWS_REGION_COUNTRIES } from './regions'
import type {
  ResolvedDataClass,
  ResolvedMarket,
  ResolvedPlatform,
  ResolvedPlatformShape,
  ResolvedPurpose,
  ResolvedRegion,
  ResolvedVertical,
  ResolvedWorkload,
} from './resolved'
import type { PlatformConfig } from './schema/platform'
import { PRESET_NAMES, type PresetName } from './schema/verticals'

/** The preset a vertical uses: its own `preset`, else its name when that names a preset, else barber. */
export function presetOf(name: string, vertical: PlatformConfig['verticals'][string]): PresetName {
  if (vertical.preset) return vertical.preset
  return (PRESET_NAMES as readonly string[]).includes(name) ? (name as PresetName) : 'barber'
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function resolveCatalogs(config: PlatformConfig) {
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
      personal: DATA_CATEGORIES[category].personal,
      special: isSpecialCategory(category),
      specialIn: [...DATA_CATEGORIES[category].specialIn],
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
      validity: purpose.validity ?? config.consent.maxValidity,
      dataClasses: [...purpose.dataClasses],
      special: purpose.dataClasses.some((c) => classes[c]?.special === true),
    }
  }
  return { classes, purposes }
}

function resolveWorkloads(
  config: PlatformConfig,
  vertical: string,
  source: PlatformConfig['verticals'][string],
) {
  const workloads: Record<string, ResolvedWorkload> = {}
  for (const [name, w] of Object.entries(source.workloads ?? DEFAULT_WORKLOADS)) {
    const workload = w as NonNullable<PlatformConfig['verticals'][string]['workloads']>[string]
    workloads[name] = {
      name,
      kind: workload.kind,
      description: workload.description ?? null,
      port: config.compute.port,
      image: {
        repository: `${config.compute.image.registry}/${vertical}-${name}`,
        tag: config.compute.image.tag,
      },
      resources: structuredClone(config.compute.resources),
      probes: structuredClone(config.compute.probes),
      rollingUpdate: { ...config.compute.rollingUpdate },
      autoscaling: { ...structuredClone(config.compute.autoscaling), ...workload.autoscaling },
      schedule: { ...structuredClone(config.compute.schedule), ...workload.schedule },
      queueDepthTarget: workload.queueDepthTarget ?? null,
      scrapeInterval: workload.scrapeInterval ?? config.monitoring.scrapeInterval,
    }
  }
  return workloads
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
    // A vertical that processes special categories always needs a DPIA, whatever its preset says.
    dpiaRequired: preset.dpiaRequired || specialCategories.length > 0,
    specialCategories,
    notes: [...preset.notes],
    markets: [...(source.markets ?? liveMarkets)],
    workloads: resolveWorkloads(config, name, source),
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
    }
  }
  const verticals: Record<string, ResolvedVertical> = {}
  for (const [name, v] of Object.entries(config.verticals))
    verticals[name] = resolveVertical(config, name, v, classes)
  const shape: ResolvedPlatformShape = {
    ...structuredClone(config),
    jurisdictions: config.jurisdictions.map((code) => JURISDICTION_FACTS[code]),
    regions,
    primaryRegion: regions.find((r) => r.role === 'primary') ?? (regions[0] as ResolvedRegion),
    drRegion: regions.find((r) => r.role === 'dr') ?? null,
    markets,
    verticals,
    dataClasses: classes,
    consent: { maxValidity: config.consent.maxValidity, textVersion: config.consent.textVersion, purposes },
  }
  return deepFreeze(shape) as ResolvedPlatform
}
