import { PlatformError } from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'
import { type OpenedAuditStorage, openAuditStorage } from './audit-storage'
import { CONFIG_ENV, loadPlatformConfig } from './load-config'
import { createPlatform, type Platform, type PlatformOptions } from './platform'

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

// The buckets the Deployment names: the anchors and the erasure journal, unless the caller gave both,
// and the erasure relay, unless the caller gave one. In production the anchors' bucket (or both of
// its parts) is required: without them a restored backup would bring erased subjects back unnoticed,
// and the audit chain would have no anchor outside the database.
async function storageFromEnv(
  given: Pick<PlatformOptions, 'anchorSink' | 'erasureJournal' | 'erasureRelay'>,
): Promise<OpenedAuditStorage> {
  const ownAnchors = given.anchorSink !== undefined && given.erasureJournal !== undefined
  const bucket = ownAnchors ? undefined : process.env[DEPLOYMENT_ENV.auditAnchorsBucket] || undefined
  if (!ownAnchors && bucket === undefined && process.env[DEPLOYMENT_ENV.nodeEnv] === 'production')
    fromEnv(DEPLOYMENT_ENV.auditAnchorsBucket, "bucket for the audit chain's anchors and the erasure journal")
  const opened = await openAuditStorage({
    auditAnchorsBucket: bucket,
    awsRegion: process.env[DEPLOYMENT_ENV.awsRegion] || undefined,
    erasureRelayBucket:
      given.erasureRelay === undefined
        ? process.env[DEPLOYMENT_ENV.erasureRelayBucket] || undefined
        : undefined,
  })
  return {
    platformOptions: {
      ...opened.platformOptions,
      ...(given.anchorSink === undefined ? {} : { anchorSink: given.anchorSink }),
      ...(given.erasureJournal === undefined ? {} : { erasureJournal: given.erasureJournal }),
      ...(given.erasureRelay === undefined ? {} : { erasureRelay: given.erasureRelay }),
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
    erasureRelay,
    ...rest
  } = options
  const vertical = given || fromEnv(VERTICAL_ENV, 'vertical to run as')
  const config = await loadPlatformConfig(configPath)
  const storage = await storageFromEnv({ anchorSink, erasureJournal, erasureRelay })
  const platform = await createPlatform({
    ...rest,
    ...storage.platformOptions,
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
    throw error
  })
  const close = platform.close
  // The S3 clients are this function's to end, after the platform's last anchor and relay answer.
  return {
    ...platform,
    async close() {
      await close()
      storage.close()
    },
  }
}
