import { postgresOf, type ResolvedPlatform, redisOf } from '@verticals/config-schema'
import { serviceAccountName } from '@verticals/observability'
import {
  oidcProvider,
  remoteSecretName,
  roleName,
  SECRETS_ROLE_SUFFIX,
  secretsServiceAccountName,
} from '../identity'
import type { Vertical } from '../names'
import { resourcePrefix, workloadsOf } from '../names'

// Lengths of what Secrets Manager generates: long enough to be unguessable, letters and digits only
// so they stand in a URL unescaped. The audit key is hex-like length 64 (core wants at least 32).
export const PASSWORD_LENGTH = 40
const AUDIT_KEY_LENGTH = 64
// Days a deleted secret can still be restored (AWS allows 7 to 30).
export const RECOVERY_WINDOW_DAYS = 30
// The audience EKS puts in the projected service-account tokens it issues for IRSA.
const IRSA_AUDIENCE = 'sts.amazonaws.com'

/** The secret of the credentials a module generates once: `<prefix>/credentials`. */
export const credentialsSecretName = (prefix: string) => `${prefix}/credentials`

/** What secrets.tf prints: the credentials Terraform generates once and the runtime secret ESO reads. */
export function secretsView(platform: ResolvedPlatform, vertical: Vertical) {
  const prefix = resourcePrefix(platform, vertical)
  // On a shared PostgreSQL the password is the vertical's own login's; a shared Redis's AUTH token is
  // the store's (platform part), so it is not generated here.
  const ownDatabase = postgresOf(platform, vertical.name).shared === null
  const ownCache = redisOf(platform, vertical.name).shared === null
  const generated = [
    ownDatabase ? 'PostgreSQL master password' : 'PostgreSQL login password (its role on the shared store)',
    ...(ownCache ? ['Redis AUTH token'] : []),
    'audit HMAC key, DSR token key, subject key',
  ]
  return {
    kmsDescription: `${prefix} secrets (runtime connection URLs, credentials)`,
    credentialsName: credentialsSecretName(prefix),
    credentialsDescription: `Generated once: ${generated.join(', ')}`,
    runtimeName: remoteSecretName(platform, vertical),
    passwordLength: PASSWORD_LENGTH,
    auditKeyLength: AUDIT_KEY_LENGTH,
    recoveryWindowDays: RECOVERY_WINDOW_DAYS,
  }
}

/**
 * What identity.tf prints: one IAM role per ServiceAccount, trusting exactly that account through the
 * cluster's OIDC provider; null when the config names no provider (security.identity).
 */
export function identityView(platform: ResolvedPlatform, vertical: Vertical) {
  const provider = oidcProvider(platform)
  if (provider === null) return null
  const workloads = workloadsOf(vertical)
  const subject = (account: string) => `system:serviceaccount:${vertical.namespace}:${account}`
  return {
    providerArn: provider.arn,
    subjectKey: `${provider.issuer}:sub`,
    audienceKey: `${provider.issuer}:aud`,
    audience: IRSA_AUDIENCE,
    roles: workloads.map((w) => roleName(platform, vertical, w.name)),
    subjects: workloads.map((w) => subject(serviceAccountName(vertical.name, w.name))),
    objects: vertical.objectStorage,
    secretsRole: roleName(platform, vertical, SECRETS_ROLE_SUFFIX),
    secretsSubject: subject(secretsServiceAccountName(vertical)),
  }
}
