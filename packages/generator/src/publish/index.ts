export { formatS3Url, normalizePrefix, parseS3Url, versionKey } from './keys'
export {
  type BundleManifest,
  type BundleManifestEntry,
  parseVersionManifest,
  sha256Hex,
  type VersionManifest,
  type VersionManifestEntry,
} from './manifest'
export type { BundleFile } from './plan'
export {
  type PublishedVersion,
  type PublishOptions,
  type PublishProgress,
  publishBundle,
} from './publish-bundle'
export { readBundleDir } from './read-bundle-dir'
export type { RetryOptions } from './retry'
export { type ChecksumMode, createS3Client, type S3ClientOptions, type S3Target } from './s3-client'
export { isS3RequestError, S3RequestError, s3ErrorHint } from './s3-error'
export { publishVersion } from './version'
