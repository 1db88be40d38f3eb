// Secrets and identity shared by the Kubernetes and Terraform builders: the Secrets Manager secret
// each vertical's runtime Secret is materialized from, its properties, and the IAM roles (IRSA) that
// the ServiceAccounts assume. Both sides read these names here, so they cannot drift apart.
import type { ResolvedPlatform } from '@verticals/config-schema'
import { type ExporterStore, type SECRET_ENV, serviceAccountName } from '@verticals/observability'
import type { Vertical, Workload } from './names'
import { resourcePrefix } from './names'

/** The property of the Secrets Manager secret (JSON) each key of the runtime Secret comes from. */
export const REMOTE_PROPERTY: Readonly<Record<keyof typeof SECRET_ENV, string>> = {
  databaseUrl: 'database_url',
  redisUrl: 'redis_url',
  auditKey: 'audit_key',
  dsrAuthSecret: 'dsr_auth_secret',
  subjectKey: 'subject_key',
  monitoringDatabaseUrl: 'monitoring_database_url',
}

/**
 * The property of the same secret each exporter's key (MONITORING_SECRET_KEYS) comes from: the URL
 * of its store's monitoring identity, which secrets.tf writes beside the service's URLs.
 */
export const MONITORING_REMOTE_PROPERTY: Readonly<Record<ExporterStore, string>> = {
  postgres: REMOTE_PROPERTY.monitoringDatabaseUrl,
  redis: 'monitoring_redis_url',
}

/** Name of the Secrets Manager secret holding the vertical's connection URLs, audit key, DSR token key and subject key. */
export function remoteSecretName(platform: ResolvedPlatform, vertical: Vertical): string {
  return `${resourcePrefix(platform, vertical)}/runtime`
}

/** The ServiceAccount the vertical's SecretStore authenticates as (External Secrets Operator, IRSA). */
export function secretsServiceAccountName(vertical: Vertical): string {
  return `${vertical.name}-external-secrets`
}

/** Name of the vertical's SecretStore. */
export function secretStoreName(vertical: Vertical): string {
  return `${vertical.name}-aws`
}

/** IAM role names: `<prefix>-<workload>` for a workload, `<prefix>-external-secrets` for the store. */
export function roleName(platform: ResolvedPlatform, vertical: Vertical, account: string): string {
  return `${resourcePrefix(platform, vertical)}-${account}`
}

/** The parts of `security.identity.oidcProvider`, or null when the config names no provider. */
export function oidcProvider(
  platform: ResolvedPlatform,
): { arn: string; account: string; issuer: string } | null {
  const arn = platform.security.identity?.oidcProvider
  if (arn === undefined) return null
  // The schema's pattern guarantees the shape: arn:aws:iam::<account>:oidc-provider/<issuer>.
  const [, account = '', issuer = ''] = /^arn:aws:iam::(\d{12}):oidc-provider\/(.+)$/.exec(arn) ?? []
  return { arn, account, issuer }
}

/** Suffix of the SecretStore's IAM role name. */
export const SECRETS_ROLE_SUFFIX = 'external-secrets'

/** The ServiceAccount each IAM role trusts, by the role's suffix: every workload's, and the store's. */
export function identities(
  vertical: Vertical,
  workloads: readonly Workload[],
): { suffix: string; account: string }[] {
  return [
    ...workloads.map((w) => ({ suffix: w.name, account: serviceAccountName(vertical.name, w.name) })),
    { suffix: SECRETS_ROLE_SUFFIX, account: secretsServiceAccountName(vertical) },
  ]
}
