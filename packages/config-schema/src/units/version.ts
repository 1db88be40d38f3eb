import * as z from 'zod'

/**
 * A semantic version as semver.org defines it (no leading zeros, no empty identifiers), without
 * build metadata: npm drops `+build` on publish, so 1.0.0+a and 1.0.0+b would be the same package.
 */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?$/

/** Whether `text` is a version bundles can be published under, on S3 and on an npm registry alike. */
export function isBundleVersion(text: string): boolean {
  return SEMVER_PATTERN.test(text)
}

/** `metadata.version`: the version every bundle is published under. */
export const bundleVersion = z
  .string()
  .regex(SEMVER_PATTERN, 'expected a semantic version such as 1.4.0 (no leading zeros, no "+build" suffix)')
