import { PlatformError } from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'

/** What the generated Deployment tells a service (see DEPLOYMENT_ENV in @verticals/observability). */
export interface DeploymentSettings {
  /** Path of the mounted platform.yaml (`VERTICALS_CONFIG`). */
  readonly configPath: string
  /** Path of the mounted runtime summary, platform.json (`VERTICALS_RUNTIME_CONFIG`), for tools. */
  readonly runtimeConfigPath: string | undefined
  /** The vertical the service runs as (`VERTICALS_VERTICAL`). */
  readonly vertical: string
  /** The workload of the vertical this container is (`VERTICALS_WORKLOAD`). */
  readonly workload: string
  /** The container port to listen on (`VERTICALS_PORT`). */
  readonly port: number
  /** PostgreSQL connection URL (`VERTICALS_DATABASE_URL`). */
  readonly databaseUrl: string
  /** Redis URL (`VERTICALS_REDIS_URL`); `rediss://` in a generated bundle. */
  readonly redisUrl: string
  /** Audit HMAC key (`VERTICALS_AUDIT_KEY`); required when NODE_ENV=production. */
  readonly auditKey: string | undefined
  /** Subject-digest HMAC key (`VERTICALS_SUBJECT_KEY`); required when NODE_ENV=production. */
  readonly subjectKey: string | undefined
  /**
   * postgres_exporter's URL (`VERTICALS_MONITORING_DATABASE_URL`): pass it to createPlatform, whose
   * migrate() sets that role's password. Optional: outside a bundle there may be no exporter.
   */
  readonly monitoringDatabaseUrl: string | undefined
  /**
   * The audit-anchors bucket (`VERTICALS_AUDIT_ANCHORS_BUCKET`) and its region (`AWS_REGION`): pass them
   * to s3AuditStorage (`@verticals/core/s3`) for createPlatform's anchorSink and erasureJournal. The
   * bucket is required when NODE_ENV=production.
   */
  readonly auditAnchorsBucket: string | undefined
  readonly awsRegion: string | undefined
  /**
   * The erasure relay's bucket (`VERTICALS_ERASURE_RELAY_BUCKET`), set where the vertical erases
   * platform-wide with verticals on other PostgreSQL stores: pass `s3ErasureRelay` on it to createPlatform.
   */
  readonly erasureRelayBucket: string | undefined
  /** True when NODE_ENV=production, as every generated Deployment sets it. */
  readonly production: boolean
}

type Env = Readonly<Record<string, string | undefined>>

const REQUIRED = ['config', 'vertical', 'workload', 'port', 'databaseUrl', 'redisUrl'] as const

/**
 * Reads the deployment contract's variables, all of them or none: a missing one is a PlatformError
 * (DEPLOYMENT_ENV_MISSING) naming every variable that is not set, and a production process without an
 * audit key or a subject key is refused (AUDIT_KEY_MISSING, SUBJECT_KEY_MISSING), and one without an
 * audit-anchors bucket too (DEPLOYMENT_ENV_MISSING). No value is defaulted: a Deployment that forgot one must
 * fail here, not quietly reach some other database.
 */
export function deploymentSettings(env: Env = process.env): DeploymentSettings {
  const missing = REQUIRED.filter((key) => !env[DEPLOYMENT_ENV[key]]).map((key) => DEPLOYMENT_ENV[key])
  if (missing.length > 0) {
    throw new PlatformError('DEPLOYMENT_ENV_MISSING', `not set: ${missing.join(', ')}`, {
      hint: 'The generated Deployment sets every one of them (see DEPLOYMENT_ENV in @verticals/observability); to run outside Kubernetes, set them yourself.',
    })
  }
  const value = (key: (typeof REQUIRED)[number]) => env[DEPLOYMENT_ENV[key]] as string
  const portText = value('port')
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `${DEPLOYMENT_ENV.port} must be a TCP port (0-65535), got "${portText}"`,
    )
  }
  const production = env[DEPLOYMENT_ENV.nodeEnv] === 'production'
  const auditKey = env[DEPLOYMENT_ENV.auditKey] || undefined
  if (production && auditKey === undefined) {
    throw new PlatformError(
      'AUDIT_KEY_MISSING',
      `${DEPLOYMENT_ENV.auditKey} is not set and NODE_ENV=production: the audit log needs its HMAC key`,
      {
        hint: `The generated ExternalSecret puts it in the runtime Secret, key audit-key; outside Kubernetes, set ${DEPLOYMENT_ENV.auditKey} (openssl rand -hex 32).`,
      },
    )
  }
  const subjectKey = env[DEPLOYMENT_ENV.subjectKey] || undefined
  if (production && subjectKey === undefined) {
    throw new PlatformError(
      'SUBJECT_KEY_MISSING',
      `${DEPLOYMENT_ENV.subjectKey} is not set and NODE_ENV=production: subject digests need their HMAC key`,
      {
        hint: `The generated ExternalSecret puts it in the runtime Secret, key subject-key; outside Kubernetes, set ${DEPLOYMENT_ENV.subjectKey} (openssl rand -hex 32).`,
      },
    )
  }
  const auditAnchorsBucket = env[DEPLOYMENT_ENV.auditAnchorsBucket] || undefined
  if (production && auditAnchorsBucket === undefined) {
    throw new PlatformError(
      'DEPLOYMENT_ENV_MISSING',
      `${DEPLOYMENT_ENV.auditAnchorsBucket} is not set and NODE_ENV=production: the audit chain's anchors and the erasure journal must live outside the database`,
      {
        hint: `The generated Deployment sets it to the vertical's audit-anchors bucket (audit-anchors.tf); outside Kubernetes, set ${DEPLOYMENT_ENV.auditAnchorsBucket} and ${DEPLOYMENT_ENV.awsRegion}.`,
      },
    )
  }
  return {
    configPath: value('config'),
    runtimeConfigPath: env[DEPLOYMENT_ENV.runtimeConfig] || undefined,
    vertical: value('vertical'),
    workload: value('workload'),
    port,
    databaseUrl: value('databaseUrl'),
    redisUrl: value('redisUrl'),
    auditKey,
    subjectKey,
    monitoringDatabaseUrl: env[DEPLOYMENT_ENV.monitoringDatabaseUrl] || undefined,
    auditAnchorsBucket,
    awsRegion: env[DEPLOYMENT_ENV.awsRegion] || undefined,
    erasureRelayBucket: env[DEPLOYMENT_ENV.erasureRelayBucket] || undefined,
    production,
  }
}
