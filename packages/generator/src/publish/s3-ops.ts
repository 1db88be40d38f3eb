import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { formatS3Url } from './keys'
import { type RetryOptions, statusOf, withRetry } from './retry'
import { S3RequestError } from './s3-error'

// Predicates look through our wrapper to the SDK error it carries.
const unwrap = (error: unknown): unknown => (error instanceof S3RequestError ? error.cause : error)

/** Whether an SDK error means the object is not there (a missing bucket is a different, real failure). */
export function isNotFound(error: unknown): boolean {
  error = unwrap(error)
  const name = (error as { name?: string } | null)?.name
  if (name === 'NoSuchBucket') return false
  return statusOf(error) === 404 || name === 'NoSuchKey' || name === 'NotFound'
}

/** Whether a conditional write failed because the object already exists. */
export function isPreconditionFailed(error: unknown): boolean {
  error = unwrap(error)
  return statusOf(error) === 412 || (error as { name?: string } | null)?.name === 'PreconditionFailed'
}

/** Whether the server rejected the If-None-Match header itself rather than the write. */
export function isConditionUnsupported(error: unknown): boolean {
  error = unwrap(error)
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
    throw new S3RequestError('GET', formatS3Url(bucket, key), error)
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
  const checksum =
    input.sha256 === undefined
      ? {}
      : {
          ChecksumAlgorithm: 'SHA256' as const,
          ChecksumSHA256: Buffer.from(input.sha256, 'hex').toString('base64'),
        }
  const command = new PutObjectCommand({
    Bucket: input.bucket,
    Key: input.key,
    Body: input.body,
    ContentType: contentTypeOf(input.key),
    ...checksum,
    ...(input.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
  })
  try {
    await withRetry(() => client.send(command), retry)
  } catch (error) {
    throw new S3RequestError('PUT', formatS3Url(input.bucket, input.key), error)
  }
}
