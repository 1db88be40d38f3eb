import type { ResolvedPlatform } from '@verticals/config-schema'
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
const PASSWORD_LENGTH = 40
const AUDIT_KEY_LENGTH = 64
// Days a deleted secret can still be restored (AWS allows 7 to 30).
const RECOVERY_WINDOW_DAYS = 30
// The audience EKS puts in the projected service-account tokens it issues for IRSA.
const IRSA_AUDIENCE = 'sts.amazonaws.com'

/** What secrets.tf prints: the credentials Terraform generates once and the runtime secret ESO reads. */
export function secretsView(platform: ResolvedPlatform, vertical: Vertical) {
  const prefix = resourcePrefix(platform, vertical)
  return {
    kmsDescription: `${prefix} secrets (runtime connection URLs, credentials)`,
    credentialsName: `${prefix}/credentials`,
    runtimeName: remoteSecretName(platform, vertical),
    passwordLength: PASSWORD_LENGTH,
    auditKeyLength: AUDIT_KEY_LENGTH,
    recoveryWindowDays: RECOVERY_WINDOW_DAYS,
    redisScheme: platform.dataStores.redis.encryptionInTransit ? 'rediss' : 'redis',
    cacheAuth: platform.dataStores.redis.encryptionInTransit,
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
