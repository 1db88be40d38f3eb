import type { S3Client } from '@aws-sdk/client-s3'
import { sha256Hex } from './manifest'
import type { VersionPlan } from './plan'
import { forEachLimit } from './pool'
import { describeDifference, publishRefused } from './refusal'
import type { RetryOptions } from './retry'
import { getObjectBytes, isConditionUnsupported, isPreconditionFailed, putObject } from './s3-ops'

/** What every upload of one publish run shares. */
export interface UploadContext {
  client: S3Client
  bucket: string
  retry: RetryOptions
  /** Whether uploads carry their SHA-256 for the server to verify. */
  checksums: boolean
}

function checksum(ctx: UploadContext, sha256: string): { sha256?: string } {
  return ctx.checksums ? { sha256 } : {}
}

/** Uploads a version's files (not its manifest), `concurrency` at a time. */
export async function uploadFiles(
  ctx: UploadContext,
  plan: VersionPlan,
  key: string,
  concurrency: number,
  onFile: (done: number) => void,
): Promise<void> {
  let done = 0
  await forEachLimit(plan.files, concurrency, async (file) => {
    const body = file.content
    await putObject(
      ctx.client,
      { bucket: ctx.bucket, key: `${key}/${file.path}`, body, ...checksum(ctx, file.sha256) },
      ctx.retry,
    )
    onFile(++done)
  })
}

/** Writes manifest.json only if absent (If-None-Match), else read-and-compare where the server lacks it. */
export async function writeManifest(
  ctx: UploadContext,
  plan: VersionPlan,
  key: string,
  url: string,
): Promise<'published' | 'unchanged'> {
  const manifestKey = `${key}/manifest.json`
  const put = (ifNoneMatch: boolean) =>
    putObject(
      ctx.client,
      {
        bucket: ctx.bucket,
        key: manifestKey,
        body: plan.manifestBytes,
        ...checksum(ctx, sha256Hex(plan.manifestBytes)),
        ifNoneMatch,
      },
      ctx.retry,
    )
  const settle = async (): Promise<'published' | 'unchanged' | undefined> => {
    const stored = await getObjectBytes(ctx.client, ctx.bucket, manifestKey, ctx.retry)
    if (!stored) return undefined
    if (stored.equals(plan.manifestBytes)) return 'unchanged'
    throw publishRefused([{ url, reason: describeDifference(stored, plan.manifest) }])
  }
  try {
    await put(true)
    return 'published'
  } catch (error) {
    // Someone published this version while we uploaded: fine if the bytes agree.
    if (isPreconditionFailed(error)) {
      const outcome = await settle()
      if (outcome) return outcome
    }
    if (!isConditionUnsupported(error)) throw error
  }
  const outcome = await settle()
  if (outcome) return outcome
  await put(false)
  return 'published'
}
