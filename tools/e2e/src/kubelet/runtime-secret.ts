import { randomBytes } from 'node:crypto'
import { MONITORING_ROLE, REDIS_MONITORING_USER } from '@verticals/observability'

/** The properties secrets.tf writes into a vertical's runtime secret in Secrets Manager. */
// A type alias, not an interface: it is a Record<string, string> where the harness takes secrets.
export type RuntimeSecretValues = {
  database_url: string
  redis_url: string
  audit_key: string
  dsr_auth_secret: string
  subject_key: string
  monitoring_database_url: string
  monitoring_redis_url: string
}

/** A URL with another user and password: the monitoring identity on the same store. */
function asUser(url: string, user: string, password: string): string {
  const parsed = new URL(url)
  parsed.username = user
  parsed.password = password
  return parsed.toString()
}

/**
 * What Terraform writes into `<platform>-<vertical>/runtime` (secrets.tf), for stores on this machine:
 * the connection URLs given and fresh random keys, as a test's stand-in for Secrets Manager. The
 * exporters' URLs name the monitoring identities on the same stores with fresh passwords: the service
 * sets the PostgreSQL role's password from its URL when it migrates; the Redis ACL user exists only
 * where a test creates it (`monitoring.redisPassword`, as the monitoring loop does). One place, so a key
 * added to the contract reaches every harness that starts a pod.
 */
export function runtimeSecret(
  platform: string,
  vertical: string,
  stores: { databaseUrl: string; redisUrl: string; monitoringDatabaseUrl?: string },
): {
  secrets: Record<string, RuntimeSecretValues>
  values: RuntimeSecretValues
  monitoring: { databasePassword: string; redisPassword: string }
} {
  const monitoring = {
    databasePassword: randomBytes(16).toString('hex'),
    redisPassword: randomBytes(16).toString('hex'),
  }
  const values: RuntimeSecretValues = {
    database_url: stores.databaseUrl,
    redis_url: stores.redisUrl,
    audit_key: randomBytes(32).toString('hex'),
    dsr_auth_secret: randomBytes(32).toString('hex'),
    subject_key: randomBytes(32).toString('hex'),
    monitoring_database_url:
      stores.monitoringDatabaseUrl ??
      asUser(stores.databaseUrl, MONITORING_ROLE, monitoring.databasePassword),
    monitoring_redis_url: asUser(stores.redisUrl, REDIS_MONITORING_USER, monitoring.redisPassword),
  }
  return { secrets: { [`${platform}-${vertical}/runtime`]: values }, values, monitoring }
}
