import { S3Client } from '@aws-sdk/client-s3'
import type { AnchorSink } from '../audit/anchor-document'
import type { ErasureJournal } from '../dsr/erasure-journal'
import { s3AnchorSink } from './anchor-sink'
import { s3ErasureJournal } from './erasure-journal'

/** The vertical's audit-anchors bucket, as deploymentSettings() reads it from the Deployment. */
export interface S3AuditStorageOptions {
  bucket: string
  /** The bucket's region (`AWS_REGION`); else the AWS SDK's own chain decides. */
  region?: string | undefined
  /** A client the caller owns instead of one made here (then close() leaves it open). */
  client?: S3Client
}

/** What createPlatform needs from the bucket, and how to let go of the client made for it. */
export interface S3AuditStorage {
  readonly anchorSink: AnchorSink
  readonly erasureJournal: ErasureJournal
  /** Releases the S3 client's sockets (only one made here). */
  close(): void
}

/**
 * The anchor sink and the erasure journal of a deployed vertical, both in its audit-anchors bucket,
 * over one S3 client with the standard credential chain (IRSA's web identity in a generated
 * Deployment: the workload role may read, write and list exactly this bucket).
 */
export function s3AuditStorage(options: S3AuditStorageOptions): S3AuditStorage {
  const owned = options.client === undefined
  const client =
    options.client ?? new S3Client(options.region === undefined ? {} : { region: options.region })
  return {
    anchorSink: s3AnchorSink({ client, bucket: options.bucket }),
    erasureJournal: s3ErasureJournal({ client, bucket: options.bucket }),
    close: () => {
      if (owned) client.destroy()
    },
  }
}
