import { PlatformError } from '@verticals/config-schema'
import { formatS3Url, versionKey } from './keys'
import type { BundleManifest } from './manifest'
import { type BundleFile, planVersions } from './plan'
import { describeDifference, publishRefused } from './refusal'
import type { RetryOptions } from './retry'
import { openClient, type S3Target } from './s3-client'
import { getObjectBytes } from './s3-ops'
import { type UploadContext, uploadFiles, writeManifest } from './upload'

/** What publishing reports as it goes; the CLI prints these on stderr. */
export type PublishProgress =
  | { type: 'unchanged'; vertical: string; url: string }
  | { type: 'file'; vertical: string; url: string; done: number; total: number }
  | { type: 'published'; vertical: string; url: string }

/** Options of `publishBundle`; pass either `client` or `clientOptions`. */
export type PublishOptions = S3Target & {
  files: readonly BundleFile[]
  /** The bundle's manifest.json, as an object or its bytes. */
  manifest: BundleManifest | Buffer | string
  bucket: string
  prefix?: string
  version: string
  retry?: RetryOptions
  /** Send each upload's SHA-256 for the server to verify (default true); off only for servers that reject it. */
  checksums?: boolean
  /** Uploads in flight at once (default 8). */
  concurrency?: number
  onProgress?: (event: PublishProgress) => void
}

/** The outcome for one vertical: newly published, or already there with identical bytes. */
export interface PublishedVersion {
  vertical: string
  version: string
  url: string
  status: 'published' | 'unchanged'
  files: number
}

/** Uploads each vertical's files, then its manifest.json last; refuses to change a published version. */
export async function publishBundle(options: PublishOptions): Promise<PublishedVersion[]> {
  const plans = planVersions(options.files, options.manifest, options.version)
  if (plans.length === 0) {
    throw new PlatformError('INVALID_ARGUMENT', 'The bundle lists no files, so there is nothing to publish.')
  }
  const { client, release } = openClient(options)
  const ctx: UploadContext = {
    client,
    bucket: options.bucket,
    retry: options.retry ?? {},
    checksums: options.checksums ?? true,
  }
  const progress = options.onProgress ?? (() => {})
  try {
    // Check every vertical before uploading anything: a refusal leaves the bucket as it was.
    const targets = []
    for (const plan of plans) {
      const key = versionKey(options.prefix ?? '', plan.vertical, plan.version)
      const stored = await getObjectBytes(client, ctx.bucket, `${key}/manifest.json`, ctx.retry)
      targets.push({ plan, key, url: formatS3Url(ctx.bucket, key), stored })
    }
    const conflicts = targets
      .filter((target) => target.stored && !target.stored.equals(target.plan.manifestBytes))
      .map((target) => ({
        url: target.url,
        reason: describeDifference(target.stored!, target.plan.manifest),
      }))
    if (conflicts.length > 0) throw publishRefused(conflicts)

    const results: PublishedVersion[] = []
    for (const { plan, key, url, stored } of targets) {
      const result = (status: PublishedVersion['status']) => ({
        vertical: plan.vertical,
        version: plan.version,
        url,
        status,
        files: plan.files.length,
      })
      if (stored) {
        progress({ type: 'unchanged', vertical: plan.vertical, url })
        results.push(result('unchanged'))
        continue
      }
      await uploadFiles(ctx, plan, key, options.concurrency ?? 8, (done) =>
        progress({ type: 'file', vertical: plan.vertical, url, done, total: plan.files.length }),
      )
      const status = await writeManifest(ctx, plan, key, url)
      progress({ type: status, vertical: plan.vertical, url })
      results.push(result(status))
    }
    return results
  } finally {
    release()
  }
}
