import { PlatformError } from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'
import { type ErasureRelay, objectErasureRelay } from './dsr/erasure-relay'
import type { PlatformOptions } from './platform'
import { s3RelayObjects } from './s3/relay-objects'

/** Where a deployed vertical keeps what must outlive its database (deploymentSettings reads both). */
export interface AuditStorageSettings {
  /** The audit-anchors bucket (`VERTICALS_AUDIT_ANCHORS_BUCKET`); none outside a deployment. */
  readonly auditAnchorsBucket: string | undefined
  /** Its region (`AWS_REGION`); else the AWS SDK's own chain decides. */
  readonly awsRegion: string | undefined
  /** The erasure relay's bucket (`VERTICALS_ERASURE_RELAY_BUCKET`), set where the vertical takes part in it. */
  readonly erasureRelayBucket?: string | undefined
}

/** createPlatform's anchorSink, erasureJournal and erasureRelay on those buckets, and how to let go of their S3 clients. */
export interface OpenedAuditStorage {
  readonly platformOptions: Pick<PlatformOptions, 'anchorSink' | 'erasureJournal' | 'erasureRelay'>
  close(): void
}

/**
 * The anchor sink and the erasure journal in the audit-anchors bucket the Deployment names
 * (s3AuditStorage of `@verticals/core/s3`), and the erasure relay on the relay's bucket where the
 * vertical takes part in it; none of them without a bucket. The AWS SDK, an optional peer of this
 * entry, is loaded only when there is one.
 */
export async function openAuditStorage(settings: AuditStorageSettings): Promise<OpenedAuditStorage> {
  const platformOptions: {
    -readonly [K in keyof OpenedAuditStorage['platformOptions']]: OpenedAuditStorage['platformOptions'][K]
  } = {}
  const closers: (() => void)[] = []
  const bucket = settings.auditAnchorsBucket
  if (bucket !== undefined && bucket !== '') {
    // By the package's own name, which the build keeps external: a relative import would be bundled
    // into the main entry, and with it a top-level import of the AWS SDK.
    // Typed from the source: in a fresh clone the entry's declarations do not exist while this builds.
    const { s3AuditStorage } = (await import('@verticals/core/s3' as string)) as typeof import('./s3')
    const storage = s3AuditStorage({ bucket, region: settings.awsRegion })
    platformOptions.anchorSink = storage.anchorSink
    platformOptions.erasureJournal = storage.erasureJournal
    closers.push(storage.close)
  }
  if (settings.erasureRelayBucket !== undefined && settings.erasureRelayBucket !== '') {
    const relay = await s3Relay(settings.erasureRelayBucket)
    platformOptions.erasureRelay = relay.relay
    closers.push(relay.close)
  }
  return {
    platformOptions,
    close: () => {
      for (const close of closers) close()
    },
  }
}

/**
 * The S3 erasure relay on `bucket`, with a client of its own (credentials and region from the standard
 * AWS chain; path-style addressing with a custom endpoint, `AWS_ENDPOINT_URL_S3`).
 */
async function s3Relay(bucket: string): Promise<{ relay: ErasureRelay; close: () => void }> {
  // Loaded only here: a service with no relay never loads the AWS SDK (an optional peer dependency).
  const sdk = await import('@aws-sdk/client-s3').catch((error: unknown) => {
    throw new PlatformError('DEPENDENCY_UNAVAILABLE', '@aws-sdk/client-s3 is not installed', {
      cause: error,
      hint: `${DEPLOYMENT_ENV.erasureRelayBucket} is set: the erasure relay is an S3 bucket. npm install @aws-sdk/client-s3.`,
    })
  })
  const custom = Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL)
  // The bucket is in the platform's primary region, which need not be this pod's.
  const client = new sdk.S3Client({
    followRegionRedirects: true,
    ...(custom ? { forcePathStyle: true } : {}),
  })
  return { relay: objectErasureRelay(s3RelayObjects(sdk, { client, bucket })), close: () => client.destroy() }
}
