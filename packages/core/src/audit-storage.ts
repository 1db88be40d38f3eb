import type { PlatformOptions } from './platform'

/** Where a deployed vertical keeps what must outlive its database (deploymentSettings reads both). */
export interface AuditStorageSettings {
  /** The audit-anchors bucket (`VERTICALS_AUDIT_ANCHORS_BUCKET`); none outside a deployment. */
  readonly auditAnchorsBucket: string | undefined
  /** Its region (`AWS_REGION`); else the AWS SDK's own chain decides. */
  readonly awsRegion: string | undefined
}

/** createPlatform's anchorSink and erasureJournal on that bucket, and how to let go of its S3 client. */
export interface OpenedAuditStorage {
  readonly platformOptions: Pick<PlatformOptions, 'anchorSink' | 'erasureJournal'>
  close(): void
}

/**
 * The anchor sink and the erasure journal in the bucket the Deployment names (s3AuditStorage of
 * `@verticals/core/s3`), or neither without a bucket. The AWS SDK, an optional peer of this entry, is
 * loaded only when there is one.
 */
export async function openAuditStorage(settings: AuditStorageSettings): Promise<OpenedAuditStorage> {
  const bucket = settings.auditAnchorsBucket
  if (bucket === undefined || bucket === '') return { platformOptions: {}, close: () => {} }
  // By the package's own name, which the build keeps external: a relative import would be bundled
  // into the main entry, and with it a top-level import of the AWS SDK.
  const { s3AuditStorage } = await import('@verticals/core/s3')
  const storage = s3AuditStorage({ bucket, region: settings.awsRegion })
  return {
    platformOptions: { anchorSink: storage.anchorSink, erasureJournal: storage.erasureJournal },
    close: storage.close,
  }
}
