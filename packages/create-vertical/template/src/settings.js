import { deploymentSettings } from '@verticals/core'

/**
 * How one process runs: the deployment contract's variables, which the generated Deployment sets
 * (VERTICALS_CONFIG, VERTICALS_VERTICAL, VERTICALS_WORKLOAD, VERTICALS_PORT, VERTICALS_DATABASE_URL,
 * VERTICALS_REDIS_URL, VERTICALS_AUDIT_KEY, VERTICALS_SUBJECT_KEY, VERTICALS_MONITORING_DATABASE_URL,
 * VERTICALS_AUDIT_ANCHORS_BUCKET, AWS_REGION, VERTICALS_ERASURE_RELAY_BUCKET (where it takes part), NODE_ENV; none is defaulted), plus optional knobs that let
 * tests share one PostgreSQL and Redis. `npm run dev` sets the contract from dev.env.
 * @param {NodeJS.ProcessEnv} env
 */
export function settingsFromEnv(env = process.env) {
  const deployed = deploymentSettings(env)
  // Unset: the app picks `service`, or on a shared PostgreSQL store the vertical's own schema (app.js).
  const schema = env.DB_SCHEMA || null
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`DB_SCHEMA "${schema}" is not a plain identifier`)
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
    // postgres_exporter's URL (VERTICALS_MONITORING_DATABASE_URL): platform.migrate() sets its role's password.
    monitoringDatabaseUrl: deployed.monitoringDatabaseUrl,
    // The audit-anchors bucket (required in production) and its region: audit anchors, erasure journal.
    auditAnchorsBucket: deployed.auditAnchorsBucket,
    awsRegion: deployed.awsRegion,
    // Where platform-wide erasure reaches verticals on other databases (set only where it takes part).
    erasureRelayBucket: deployed.erasureRelayBucket,
    schema,
    redisPrefix: env.REDIS_PREFIX ?? '',
    drainTimeoutMs: integer(env.DRAIN_TIMEOUT_MS, 'DRAIN_TIMEOUT_MS', 10_000),
  }
}

function integer(value, name, fallback) {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`)
  return parsed
}
