import type { ResolvedPlatform } from '@verticals/config-schema'
import { MONITORING_ROLE, REDIS_MONITORING_USER, redisExporterAcl } from '@verticals/observability'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { REDIS_ENGINE } from '../toolchain'
import { secretsView } from './secrets'

/**
 * What monitoring.tf prints: the exporters' own identities, apart from the service's credentials. Their
 * passwords are generated once into `<prefix>/monitoring-credentials` (a new property of
 * `<prefix>/credentials` would be ignored where that secret already exists: its version ignores
 * changes); ElastiCache RBAC users carry the Redis side: `default` keeps the AUTH token the service
 * uses, and the exporter's user may run only REDIS_EXPORTER_COMMANDS.
 */
export function monitoringView(platform: ResolvedPlatform, vertical: Vertical) {
  const prefix = resourcePrefix(platform, vertical)
  const secrets = secretsView(platform, vertical)
  return {
    credentialsName: `${prefix}/monitoring-credentials`,
    passwordLength: secrets.passwordLength,
    recoveryWindowDays: secrets.recoveryWindowDays,
    role: MONITORING_ROLE,
    engine: REDIS_ENGINE.engine,
    userGroupId: `${prefix}-users`,
    defaultUserId: `${prefix}-default`,
    monitorUserId: `${prefix}-monitor`,
    redisUser: REDIS_MONITORING_USER,
    redisAccess: redisExporterAcl(),
  }
}
