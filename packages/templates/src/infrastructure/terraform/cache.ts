import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { REDIS_ENGINE } from '../toolchain'
import { dataStoreMaintenanceWindow } from './maintenance'

/** Ids ElastiCache gives the member clusters of a replication group: `<group>-001`, `<group>-002`, ... */
export function memberClusterIds(groupId: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${groupId}-${String(i + 1).padStart(3, '0')}`)
}

/**
 * What the cache template prints: an ElastiCache Redis replication group. ElastiCache's own limits (ids
 * of at most 40 characters, at most six nodes) are checked by the AWS provider at `terraform plan`.
 */
export function cacheView(platform: ResolvedPlatform, vertical: Vertical) {
  const redis = platform.dataStores.redis
  const groupId = `${resourcePrefix(platform, vertical)}-redis`
  return {
    groupId,
    description: `${platform.metadata.displayName} ${vertical.displayName} cache`,
    engine: REDIS_ENGINE.engine,
    engineVersion: REDIS_ENGINE.version,
    family: REDIS_ENGINE.family,
    nodeType: redis.nodeType,
    nodes: redis.nodes,
    port: platform.security.network.redisPort,
    evictionPolicy: redis.evictionPolicy,
    automaticFailover: redis.automaticFailover,
    multiAz: redis.automaticFailover && platform.primaryRegion.multiAz,
    encryptionAtRest: redis.encryptionAtRest,
    encryptionInTransit: redis.encryptionInTransit,
    kmsDescription: `${groupId} encryption at rest`,
    maintenanceWindow: dataStoreMaintenanceWindow(platform),
    memberClusterIds: memberClusterIds(groupId, redis.nodes),
  }
}
