import { memberName, type ResolvedPlatform } from '@verticals/config-schema'
import { MONITORING_ROLE, REDIS_MONITORING_USER, redisExporterAcl } from '@verticals/observability'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { REDIS_ENGINE } from '../toolchain'
import { secretsView } from './secrets'

/**
 * What cache-users.tf prints for the ElastiCache named by `prefix` (a vertical's own, or a shared
 * store's): RBAC users, `default` keeping the AUTH token the services use, and the exporter's user,
 * which may run only REDIS_EXPORTER_COMMANDS, in one user group.
 */
export function cacheUsersView(prefix: string) {
  return {
    engine: REDIS_ENGINE.engine,
    userGroupId: `${prefix}-users`,
    defaultUserId: `${prefix}-default`,
    monitorUserId: `${prefix}-monitor`,
    redisUser: REDIS_MONITORING_USER,
    redisAccess: redisExporterAcl(),
  }
}

/**
 * postgres_exporter's role for a vertical: MONITORING_ROLE on a store of its own; on a shared
 * PostgreSQL, one per member with the member's suffix (as its owner and application roles), so no
 * member sets the password of another member's exporter.
 */
export function monitoringRoleOf(platform: ResolvedPlatform, vertical: string): string {
  return memberName(platform, vertical, MONITORING_ROLE)
}

/**
 * What monitoring.tf prints: the exporters' own identities, apart from the service's credentials. Their
 * passwords are generated once into `<prefix>/monitoring-credentials` (a new property of
 * `<prefix>/credentials` would be ignored where that secret already exists: its version ignores
 * changes); ElastiCache RBAC users carry the Redis side (cache-users.tf).
 */
export function monitoringView(platform: ResolvedPlatform, vertical: Vertical) {
  const prefix = resourcePrefix(platform, vertical)
  const secrets = secretsView(platform, vertical)
  return {
    credentialsName: `${prefix}/monitoring-credentials`,
    passwordLength: secrets.passwordLength,
    recoveryWindowDays: secrets.recoveryWindowDays,
    role: monitoringRoleOf(platform, vertical.name),
    ...cacheUsersView(prefix),
  }
}
