import type { BreachClock } from './breach'
import type { DataCategory } from './categories'
import type { Jurisdiction, JurisdictionFacts } from './jurisdictions'
import type { NpmNaming } from './npm-package'
import type { PlatformConfig } from './schema/platform'
import type { PresetName } from './schema/verticals'

/** Makes every property and element readonly, all the way down. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

type Config = PlatformConfig

export interface ResolvedRegion {
  name: string
  role: 'primary' | 'dr'
  multiAz: boolean
  /** ISO 3166-1 alpha-2 country that hosts the region. */
  country: string
}

export interface ResolvedMarket {
  name: string
  city: string
  tier: string
  status: 'live' | 'planned'
  trafficShare: number
  budget: { amount: number; currency: string }
  /** The market's own latency objective in seconds, or its tier's. */
  latencyP95: number
  /** Planned edge cache capacity in bytes: a capacity figure, CloudFront has no per-market size. */
  edgeCache: number
  /** How a request is attributed to the market (empty lists when the config says nothing). */
  recognize: {
    viewerRegions: string[]
    viewerCities: string[]
    hosts: string[]
    pathPrefixes: string[]
  }
}

export interface ResolvedDataClass {
  name: string
  category: DataCategory
  description: string
  fields: string[]
  storage: Config['dataClasses'][string]['storage']
  recordClass: string | null
  personal: boolean
  special: boolean
  /** Jurisdictions whose law names the category special. */
  specialIn: Jurisdiction[]
  /** Redis TTL in seconds; 0 means never written to Redis. */
  cacheTtl: number
  /** CDN TTL in seconds; 0 means not cacheable at the edge. */
  cdnTtl: number
}

export interface ResolvedPurpose {
  name: string
  description: string
  legalBasis: Config['consent']['purposes'][string]['legalBasis']
  explicit: boolean
  /** Grants under an older consent.textVersion stop allowing processing (reason text-changed). */
  reconsentOnTextChange: boolean
  /** Seconds a grant lasts before it must be renewed. */
  validity: number
  dataClasses: string[]
  special: boolean
  /**
   * Per declared jurisdiction: whether the purpose touches data that law deems special, and the
   * article allowing its legal basis there (null: the law names none; the rules refuse that for special data).
   */
  legalSources: { jurisdiction: Jurisdiction; special: boolean; article: string | null }[]
}

export interface ResolvedWorkload {
  name: string
  kind: 'http' | 'worker'
  description: string | null
  port: number
  image: { repository: string; tag: string }
  resources: Config['compute']['resources']
  probes: Config['compute']['probes']
  rollingUpdate: Config['compute']['rollingUpdate']
  autoscaling: Config['compute']['autoscaling']
  schedule: Config['compute']['schedule']
  queueDepthTarget: number | null
  scrapeInterval: number
}

export interface ResolvedVertical {
  name: string
  preset: PresetName
  enabled: boolean
  displayName: string
  description: string
  namespace: string
  dataClasses: string[]
  purposes: string[]
  objectStorage: boolean
  socialIntegrations: string[]
  /** Categories of data subjects, for the records of processing. */
  dataSubjects: string[]
  dpiaRequired: boolean
  /** Categories of the special data the vertical processes. */
  specialCategories: DataCategory[]
  notes: string[]
  markets: string[]
  workloads: Record<string, ResolvedWorkload>
  /** The vertical's own monthly budget, or null when only the platform budget covers it. */
  budget: { amount: number; currency: string } | null
  /** Where the vertical keeps its data: `dedicated`, or the name of a store in dataStores.shared. */
  dataStores: { postgres: string; redis: string }
  /** Erasure fulfilled by any participating vertical erases the subject here too (same database). */
  platformWideErasure: boolean
}

export interface ResolvedPlatformShape
  extends Omit<
    Config,
    | 'metadata'
    | 'regions'
    | 'markets'
    | 'verticals'
    | 'dataClasses'
    | 'consent'
    | 'jurisdictions'
    | 'terraform'
  > {
  /** The metadata, with the npm scope defaulted to `@` and the platform's name. */
  metadata: Omit<Config['metadata'], 'npm'> & { npm: NpmNaming }
  jurisdictions: JurisdictionFacts[]
  regions: ResolvedRegion[]
  primaryRegion: ResolvedRegion
  drRegion: ResolvedRegion | null
  markets: Record<string, ResolvedMarket>
  verticals: Record<string, ResolvedVertical>
  dataClasses: Record<string, ResolvedDataClass>
  consent: Omit<Config['consent'], 'purposes'> & { purposes: Record<string, ResolvedPurpose> }
  /** The Terraform state backend, every default applied. */
  terraform: { state: { bucket: string; keyPrefix: string; region: string } }
  /** Breach notification: a clock per declared jurisdiction and addressee, and when the alert fires. */
  breachNotification: {
    clocks: BreachClock[]
    /** Seconds before each deadline the alert fires. */
    alertBefore: number
    severity: string
  }
  /**
   * Only in one vertical's view (verticalView): every vertical of the platform, in config order and
   * this one too, as far as tenancy and platform-wide erasure need them (which stores they are on,
   * whether they erase platform-wide), so a deployed service knows whom to ask to erase without
   * carrying the others' whole config.
   */
  placements?: Record<string, VerticalPlacement>
}

/** Where a vertical keeps its data and whether it erases platform-wide: what its peers need to know. */
export type VerticalPlacement = Pick<
  ResolvedVertical,
  'name' | 'enabled' | 'platformWideErasure' | 'dataStores'
>

/** The platform with every default, preset and unit resolved: nothing downstream applies a default. */
export type ResolvedPlatform = DeepReadonly<ResolvedPlatformShape>
