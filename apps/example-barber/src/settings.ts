import { PlatformError } from '@verticals/config-schema'
import { deploymentSettings } from '@verticals/core'

/** How one process of the service runs: where it listens and what it connects to. */
export interface Settings {
  /** TCP port (`VERTICALS_PORT`, the container port); 0 picks a free one (tests). */
  readonly port: number
  readonly host: string
  readonly databaseUrl: string
  readonly redisUrl: string
  /** Path of platform.yaml (`VERTICALS_CONFIG`). */
  readonly configPath: string
  /** The vertical (`VERTICALS_VERTICAL`) and workload (`VERTICALS_WORKLOAD`) this process is. */
  readonly vertical: string
  readonly workload: string
  /** HMAC key of the audit log (`VERTICALS_AUDIT_KEY`); required when NODE_ENV=production. */
  readonly auditKey: string | undefined
  /** Subject-digest key (VERTICALS_SUBJECT_KEY, required in production). */
  readonly subjectKey: string | undefined
  /** postgres_exporter's URL (`VERTICALS_MONITORING_DATABASE_URL`): migrate() sets its role's password. */
  readonly monitoringDatabaseUrl: string | undefined
  /** The audit-anchors bucket (`VERTICALS_AUDIT_ANCHORS_BUCKET`, required in production) and its region (`AWS_REGION`). */
  readonly auditAnchorsBucket: string | undefined
  readonly awsRegion: string | undefined
  /** The erasure relay's bucket (`VERTICALS_ERASURE_RELAY_BUCKET`), where the vertical takes part in it. */
  readonly erasureRelayBucket: string | undefined
  /** PostgreSQL schema of the platform tables and of the app's own tables. */
  readonly schema: string
  /** Prepended to every Redis key, so runs can share a Redis. */
  readonly redisPrefix: string
  /** Milliseconds SIGTERM waits for in-flight requests before closing their connections. */
  readonly drainTimeoutMs: number
}

/**
 * Reads the settings: the deployment contract's variables (see deploymentSettings in @verticals/core;
 * none is defaulted), plus this app's optional isolation knobs (HOST, DB_SCHEMA, REDIS_PREFIX,
 * DRAIN_TIMEOUT_MS), which the tests use to share one PostgreSQL and Redis.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const deployed = deploymentSettings(env)
  return {
    port: deployed.port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: deployed.databaseUrl,
    redisUrl: deployed.redisUrl,
    configPath: deployed.configPath,
    vertical: deployed.vertical,
    workload: deployed.workload,
    auditKey: deployed.auditKey,
    subjectKey: deployed.subjectKey,
    monitoringDatabaseUrl: deployed.monitoringDatabaseUrl,
    auditAnchorsBucket: deployed.auditAnchorsBucket,
    awsRegion: deployed.awsRegion,
    erasureRelayBucket: deployed.erasureRelayBucket,
    schema: env.DB_SCHEMA || 'barber',
    redisPrefix: env.REDIS_PREFIX ?? '',
    drainTimeoutMs: integer(env.DRAIN_TIMEOUT_MS, 'DRAIN_TIMEOUT_MS', 10_000),
  }
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new PlatformError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got "${value}"`)
  }
  return parsed
}
