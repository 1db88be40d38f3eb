import { PlatformError, type ResolvedPlatform } from '@verticals/config-schema'

// The same shape metadata.version accepts in platform.yaml.
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

/** The version a bundle is published under: an explicit override, else `metadata.version`. */
export function publishVersion(platform: Pick<ResolvedPlatform, 'metadata'>, override?: string): string {
  const version = override ?? platform.metadata.version
  if (!SEMVER.test(version)) {
    throw new PlatformError('INVALID_ARGUMENT', `"${version}" is not a semantic version.`, {
      hint: 'Use a version such as 1.4.0 (metadata.version in platform.yaml, or --version).',
    })
  }
  return version
}
