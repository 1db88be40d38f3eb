import { isBundleVersion, PlatformError, type ResolvedPlatform } from '@verticals/config-schema'

/** Returns `version` if bundles may be published under it; throws INVALID_ARGUMENT otherwise. */
export function assertBundleVersion(version: string): string {
  // The same rule metadata.version obeys in platform.yaml, so S3 and npm accept the same versions.
  if (!isBundleVersion(version)) {
    throw new PlatformError('INVALID_ARGUMENT', `"${version}" is not a semantic version.`, {
      hint: 'Use a version such as 1.4.0, without a "+build" suffix (metadata.version in platform.yaml, or --version).',
    })
  }
  return version
}

/** The version a bundle is published under: an explicit override, else `metadata.version`. */
export function publishVersion(platform: Pick<ResolvedPlatform, 'metadata'>, override?: string): string {
  return assertBundleVersion(override ?? platform.metadata.version)
}
