// The `@verticals/generator/s3` entry: publish bundles to S3 and fetch them back. Kept apart from the
// main entry so that generating, checking and diffing never load the AWS SDK.

export { type FetchOptions, type FetchResult, fetchBundle } from './fetch/index'
export {
  type BundleFile,
  type BundleManifest,
  type BundleManifestEntry,
  type ChecksumMode,
  createS3Client,
  formatS3Url,
  isS3RequestError,
  normalizePrefix,
  type PublishedVersion,
  type PublishOptions,
  type PublishProgress,
  parseS3Url,
  parseVersionManifest,
  publishBundle,
  publishVersion,
  type RetryOptions,
  readBundleDir,
  type S3ClientOptions,
  S3RequestError,
  type S3Target,
  s3ErrorHint,
  sha256Hex,
  type VersionManifest,
  type VersionManifestEntry,
  versionKey,
} from './publish/index'
