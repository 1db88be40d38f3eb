import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { type RetryOptions, statusOf, withRetry } from './retry'

/** Whether an SDK error means the object is not there (a missing bucket is a different, real failure). */
export function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name
  if (name === 'NoSuchBucket') return false
  return statusOf(error) === 404 || name === 'NoSuchKey' || name === 'NotFound'
}

/** Whether a conditional write failed because the object already exists. */
export function isPreconditionFailed(error: unknown): boolean {
  return statusOf(error) === 412 || (error as { name?: string } | null)?.name === 'PreconditionFailed'
}

/** Whether the server rejected the If-None-Match header itself rather than the write. */
export function isConditionUnsupported(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name
  return statusOf(error) === 501 || name === 'NotImplemented'
}

/** Downloads an object's bytes, or undefined when it does not exist. */
export async function getObjectBytes(
  client: S3Client,
  bucket: string,
  key: string,
  retry: RetryOptions,
): Promise<Buffer | undefined> {
  try {
    return await withRetry(async () => {
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      if (!output.Body) return Buffer.alloc(0)
      return Buffer.from(await output.Body.transformToByteArray())
    }, retry)
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  md: 'text/markdown; charset=utf-8',
}

/** A content type for a bundle file, so browsers and consoles show it sensibly. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'text/plain; charset=utf-8'
}

/** Uploads bytes, with their SHA-256 when given, so a server that checks checksums rejects corruption. */
export async function putObject(
  client: S3Client,
  input: { bucket: string; key: string; body: Buffer; sha256?: string; ifNoneMatch?: boolean },
  retry: RetryOptions,
): Promise<void> {
  await withRetry(
    () =>
      client.send(
        new PutObjectCommand({
          Bucket: input.bucket,
          Key: input.key,
          Body: input.body,
          ContentType: contentTypeOf(input.key),
          ...(input.sha256 === undefined
            ? {}
            : {
                ChecksumAlgorithm: 'SHA256',
                ChecksumSHA256: Buffer.from(input.sha256, 'hex').toString('base64'),
              }),
          ...(input.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
        }),
      ),
    retry,
  )
}
