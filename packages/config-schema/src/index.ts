export {
  BREACH_FACTS,
  type BreachAddresseeKind,
  type BreachClock,
  type BreachClockFacts,
  type BreachDeadline,
  breachDeadlineSeconds,
} from './breach'
export { categoryFacts, DATA_CATEGORIES, type DataCategory, isSpecialCategory } from './categories'
// Errors, diagnostics and didYouMean: also `@verticals/config-schema/diagnostics`, without the schema.
export * from './diagnostics-entry'
export {
  FIDESLANG_CATEGORIES,
  FIDESLANG_REPLACED,
  FIDESLANG_TAXONOMY,
  type FideslangCategory,
  replacementOf,
  VERTICALS_RENAMED,
} from './fideslang'
export { CALENDARS, type Calendar } from './holidays'
export { toJsonSchema } from './json-schema'
export {
  DEADLINE_OF,
  type DsrRequestKind,
  JURISDICTION_FACTS,
  JURISDICTIONS,
  type Jurisdiction,
  type JurisdictionFacts,
} from './jurisdictions'
export {
  basisSource,
  GENERAL_BASES,
  LEGAL_BASES,
  type LegalBasis,
  SPECIAL_BASES,
  SPECIAL_BASIS_GAPS,
} from './legal-bases'
export { formatSize, INPUT_LIMITS } from './limits'
export {
  bundlePackageName,
  DEFAULT_NPM_NAME,
  type NpmNaming,
  npmNameProblem,
} from './npm-package'
export { type ParseResult, parse } from './parse'
export { locator, type Position } from './positions'
export { PRESETS, type VerticalPreset } from './presets'
export type {
  ResolvedDataClass,
  ResolvedMarket,
  ResolvedPurpose,
  ResolvedRegion,
  ResolvedVertical,
  ResolvedWorkload,
} from './public-types'
export { AWS_REGION_COUNTRIES } from './regions'
export { resolve } from './resolve'
export type { DeepReadonly, ResolvedPlatform, VerticalPlacement } from './resolved'
export { checkRules, type RuleFinding } from './rules'
export { DEFAULT_RUN_AS } from './schema/compute'
export type { PlatformConfig, PlatformInput } from './schema/platform'
export { platformSchema, SUPPORTED_API_VERSIONS } from './schema/platform'
export { PRESET_NAMES, type PresetName } from './schema/verticals'
export {
  DEDICATED,
  erasureOtherStores,
  memberName,
  type PostgresSettings,
  placementOf,
  placementsOf,
  postgresOf,
  type RedisSettings,
  redisOf,
  type SharedStore,
  type StorePlacement,
  sharedStores,
  tenancyOf,
} from './tenancy'
export { RECORDS_SOURCES, TRANSFER_SOURCES, type TransferMechanism } from './transfer-sources'
export { isAdequate, type TransferCause, type TransferFlow, transferFlows, transferSource } from './transfers'
export {
  isBundleVersion,
  type Money,
  parseBytes,
  parseCpu,
  parseDuration,
  parseMoney,
  parsePercent,
} from './units'
export {
  RESOLVED_VIEW_KIND,
  type ReadViewResult,
  type ResolvedView,
  readVerticalView,
  serializeVerticalView,
  verticalView,
} from './view'
