import { PlatformError } from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'
import { type OpenedAuditStorage, openAuditStorage } from './audit-storage'
import { type ErasureRelay, objectErasureRelay } from './dsr/erasure-relay'
import { CONFIG_ENV, loadPlatformConfig } from './load-config'
import { createPlatform, type Platform, type PlatformOptions } from './platform'
import { s3RelayObjects } from './s3/relay-objects'

/** Environment variable naming the vertical a service runs as; the generated Deployments set it. */
export const VERTICAL_ENV = DEPLOYMENT_ENV.vertical

/** Options of createPlatformFromEnv: those of createPlatform, each of the deployment's own optional. */
export interface PlatformFromEnvOptions
  extends Omit<PlatformOptions, 'config' | 'vertical' | 'pg' | 'redis'> {
  /** Path of platform.yaml (default: the file `VERTICALS_CONFIG` names). */
  configPath?: string
  /** The vertical this service runs as (default: `VERTICALS_VERTICAL`). */
  vertical?: string
  /** A pg.Pool or a connection string (default: `VERTICALS_DATABASE_URL`). */
  pg?: PlatformOptions['pg']
  /** An ioredis client or a URL (default: `VERTICALS_REDIS_URL`). */
  redis?: PlatformOptions['redis']
}

// The bucket the Deployment names holds the anchors and the erasure journal, unless the caller gave
// both. In production one or the other is required: without them a restored backup would bring
// erased subjects back unnoticed, and the audit chain would have no anchor outside the database.
async function auditStorageFromEnv(
  given: Pick<PlatformOptions, 'anchorSink' | 'erasureJournal'>,
): Promise<OpenedAuditStorage> {
  if (given.anchorSink !== undefined && given.erasureJournal !== undefined)
    return { platformOptions: given, close: () => {} }
  const bucket = process.env[DEPLOYMENT_ENV.auditAnchorsBucket] || undefined
  if (bucket === undefined && process.env[DEPLOYMENT_ENV.nodeEnv] === 'production')
    fromEnv(DEPLOYMENT_ENV.auditAnchorsBucket, "bucket for the audit chain's anchors and the erasure journal")
  const opened = await openAuditStorage({
    auditAnchorsBucket: bucket,
    awsRegion: process.env[DEPLOYMENT_ENV.awsRegion] || undefined,
  })
  return {
    platformOptions: {
      ...opened.platformOptions,
      ...(given.anchorSink === undefined ? {} : { anchorSink: given.anchorSink }),
      ...(given.erasureJournal === undefined ? {} : { erasureJournal: given.erasureJournal }),
    },
    close: opened.close,
  }
}

// An option given wins; else the variable; else a PlatformError naming it.
function fromEnv(name: string, what: string): string {
  const value = process.env[name]
  if (value) return value
  throw new PlatformError('DEPLOYMENT_ENV_MISSING', `no ${what}: ${name} is not set`, {
    hint: `Pass it as an option or set ${name} (the generated Deployments set it; ${CONFIG_ENV} names the config).`,
  })
}

/**
 * The S3 erasure relay on the bucket `VERTICALS_ERASURE_RELAY_BUCKET` names, with a client of its own
 * (credentials and region from the standard AWS chain; path-style addressing with a custom endpoint,
 * `AWS_ENDPOINT_URL_S3`), or none when the variable is not set.
 */
async function relayFromEnv(): Promise<{ relay: ErasureRelay; close: () => void } | undefined> {
  const bucket = process.env[DEPLOYMENT_ENV.erasureRelayBucket]
  if (!bucket) return undefined
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

/**
 * createPlatform for a service deployed from a generated bundle: reads the platform.yaml that
 * `VERTICALS_CONFIG` names, runs as `VERTICALS_VERTICAL`, connects to `VERTICALS_DATABASE_URL` and
 * `VERTICALS_REDIS_URL`, keys the audit log with `VERTICALS_AUDIT_KEY` and subject digests with
 * `VERTICALS_SUBJECT_KEY`, sets postgres_exporter's password from `VERTICALS_MONITORING_DATABASE_URL`,
 * anchors the audit chain and journals erasures in `VERTICALS_AUDIT_ANCHORS_BUCKET` (in `AWS_REGION`),
 * and carries platform-wide erasure to and from other PostgreSQL stores through the S3 erasure relay
 * on `VERTICALS_ERASURE_RELAY_BUCKET` (when set), all set by the Deployment.
 */
export async function createPlatformFromEnv(options: PlatformFromEnvOptions = {}): Promise<Platform> {
  const {
    configPath,
    vertical: given,
    pg,
    redis,
    auditKey,
    subjectKey,
    monitoringDatabaseUrl,
    anchorSink,
    erasureJournal,
    ...rest
  } = options
  const vertical = given || fromEnv(VERTICAL_ENV, 'vertical to run as')
  const config = await loadPlatformConfig(configPath)
  const storage = await auditStorageFromEnv({ anchorSink, erasureJournal })
  const relay = rest.erasureRelay === undefined ? await relayFromEnv() : undefined
  const platform = await createPlatform({
    ...rest,
    ...storage.platformOptions,
    ...(relay === undefined ? {} : { erasureRelay: relay.relay }),
    config,
    vertical,
    pg: pg ?? fromEnv(DEPLOYMENT_ENV.databaseUrl, 'PostgreSQL connection URL'),
    redis: redis ?? fromEnv(DEPLOYMENT_ENV.redisUrl, 'Redis URL'),
    auditKey: auditKey ?? (process.env[DEPLOYMENT_ENV.auditKey] || undefined),
    subjectKey: subjectKey ?? (process.env[DEPLOYMENT_ENV.subjectKey] || undefined),
    monitoringDatabaseUrl:
      monitoringDatabaseUrl ?? (process.env[DEPLOYMENT_ENV.monitoringDatabaseUrl] || undefined),
  }).catch((error: unknown) => {
    storage.close()
    relay?.close()
    throw error
  })
  const close = platform.close
  // The S3 clients are this function's to end, after the platform's last anchor and relay answer.
  return {
    ...platform,
    async close() {
      await close()
      storage.close()
      relay?.close()
    },
  }
}
