import { randomBytes } from 'node:crypto'

/** The properties secrets.tf writes into a vertical's runtime secret in Secrets Manager. */
// A type alias, not an interface: it is a Record<string, string> where the harness takes secrets.
export type RuntimeSecretValues = {
  database_url: string
  redis_url: string
  audit_key: string
  dsr_auth_secret: string
  subject_key: string
}

/**
 * What Terraform writes into `<platform>-<vertical>/runtime` (secrets.tf), for stores on this machine:
 * the connection URLs given and fresh random keys, as a test's stand-in for Secrets Manager. One
 * place, so a key added to the contract reaches every harness that starts a pod.
 */
export function runtimeSecret(
  platform: string,
  vertical: string,
  stores: { databaseUrl: string; redisUrl: string },
): { secrets: Record<string, RuntimeSecretValues>; values: RuntimeSecretValues } {
  const values: RuntimeSecretValues = {
    database_url: stores.databaseUrl,
    redis_url: stores.redisUrl,
    audit_key: randomBytes(32).toString('hex'),
    dsr_auth_secret: randomBytes(32).toString('hex'),
    subject_key: randomBytes(32).toString('hex'),
  }
  return { secrets: { [`${platform}-${vertical}/runtime`]: values }, values }
}
