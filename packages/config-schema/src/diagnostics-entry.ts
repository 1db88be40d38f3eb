// `@verticals/config-schema/diagnostics`: errors, diagnostics and suggestions without the schema, for
// code that reports problems but never parses a config. Importing it loads no zod and builds no
// schema: the CLI's help, version and usage errors answer in half the time this way.
export {
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type DiagnosticCode,
  formatDiagnostic,
  formatPath,
  sortDiagnostics,
} from './diagnostics'
export { isPlatformError, PLATFORM_ERROR_CODES, PlatformError, type PlatformErrorCode } from './errors'
export { didYouMean } from './suggest'
