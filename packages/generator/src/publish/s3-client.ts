import { S3Client } from '@aws-sdk/client-s3'

/** When the SDK adds or checks payload checksums on its own (see the AWS SDK's flexible checksums). */
export type ChecksumMode = 'WHEN_SUPPORTED' | 'WHEN_REQUIRED'

/** How to reach the bucket. Credentials always come from the standard AWS chain, never from here. */
export interface S3ClientOptions {
  /** AWS region; defaults to the AWS chain (AWS_REGION, profile), or us-east-1 with a custom endpoint. */
  region?: string
  /** A custom S3-compatible endpoint such as http://127.0.0.1:4568. */
  endpoint?: string
  /** Address buckets as `<endpoint>/<bucket>`; defaults to true with a custom endpoint. */
  forcePathStyle?: boolean
  /** Default: the SDK's (WHEN_SUPPORTED); servers such as s3rver need WHEN_REQUIRED. */
  requestChecksumCalculation?: ChecksumMode
  /** Default: the SDK's (WHEN_SUPPORTED); servers such as s3rver need WHEN_REQUIRED. */
  responseChecksumValidation?: ChecksumMode
}

/** Either a ready client (the caller owns it) or the options to build one (we own and destroy it). */
export type S3Target = { client: S3Client } | { clientOptions: S3ClientOptions }

/** Builds an S3 client; retries are left to `withRetry` so that one bound governs every request. */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const custom = options.endpoint !== undefined
  return new S3Client({
    ...(options.region !== undefined ? { region: options.region } : custom ? { region: 'us-east-1' } : {}),
    ...(custom ? { endpoint: options.endpoint, forcePathStyle: options.forcePathStyle ?? true } : {}),
    ...(!custom && options.forcePathStyle !== undefined ? { forcePathStyle: options.forcePathStyle } : {}),
    ...(options.requestChecksumCalculation
      ? { requestChecksumCalculation: options.requestChecksumCalculation }
      : {}),
    ...(options.responseChecksumValidation
      ? { responseChecksumValidation: options.responseChecksumValidation }
      : {}),
    maxAttempts: 1,
  })
}

/** Resolves a target to a client and a release function that destroys it only if we built it. */
export function openClient(target: S3Target): { client: S3Client; release: () => void } {
  if ('client' in target) return { client: target.client, release: () => {} }
  const client = createS3Client(target.clientOptions)
  return { client, release: () => client.destroy() }
}
