export { isSpecialCategory, DATA_CATEGORIES, type DataCategory } from './categories'
export { DIAGNOSTIC_CODES, formatDiagnostic, sortDiagnostics, type Diagnostic, type DiagnosticCode } from './diagnostics'
export { isPlatformError, PLATFORM_ERROR_CODES, PlatformError, type PlatformErrorCode } from './errors'
export { JURISDICTION_FACTS, JURISDICTIONS, type Jurisdiction, type JurisdictionFacts } from './jurisdictions'
export { parse, type ParseResult } from './parse'
export { PRESETS, type VerticalPreset } from './presets'
export { AWS_REGION_COUNTRIES } from './regions'
export { resolve } from './resolve'
export type {
  DeepReadonly,
  ResolvedDataClass,
  ResolvedMarket,
  ResolvedPlatform,
  ResolvedPurpose,
  ResolvedRegion,
  ResolvedVertical,
  ResolvedWorkload,
} from './resolved'
export { checkRules, type RuleFinding } from './rules'
export { platformSchema, SUPPORTED_API_VERSIONS } from './schema/platform'
export type { PlatformConfig, PlatformInput } from './schema/platform'
export { PRESET_NAMES, type PresetName } from './schema/verticals'
export { parseBytes, parseCpu, parseDuration, parseMoney, parsePercent, type Money } from './units'
