export {
  fetchFromRegistry,
  parseNpmSpec,
  type RegistryFetchOptions,
  type RegistryFetchResult,
} from './fetch-registry'
export { isNpmCommandError, type NpmClientOptions, NpmCommandError } from './npm-client'
export { type PackedBundle, type PackOptions, packBundle, tarballName } from './pack-bundle'
export { BUNDLE_PARTS, type BundlePart } from './parts'
export {
  publishToRegistry,
  type RegistryPublishOptions,
  type RegistryPublishResult,
} from './publish-registry'
export type { Tarball } from './tarball'
export { type VerifyProblem, type VerifyResult, verifyBundleDir } from './verify-dir'
export { writeTarballs } from './write-tarballs'
