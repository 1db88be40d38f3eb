export { type ArgumentRules, parseArguments } from './cli/args'
export { useColor } from './cli/color'
export { UsageError } from './cli/usage-error'
export { type CheckResult, checkBundle } from './engine/check-bundle'
export { diffBundle, type FileDiff } from './engine/diff-bundle'
export { type GeneratedFile, type GenerateOptions, type GenerateResult, generate } from './engine/generate'
export { sha256 } from './engine/hash'
export { type LoadedConfig, loadConfig } from './engine/load-config'
export {
  buildManifest,
  MANIFEST_FILE,
  type Manifest,
  type ManifestEntry,
  readOwnManifest,
  serializeManifest,
} from './engine/manifest'
export { verifyBundle } from './engine/verify'
export { type WriteBundleOptions, type WriteSummary, writeBundle } from './engine/write-bundle'
export { GENERATOR_NAME, GENERATOR_VERSION } from './version'
