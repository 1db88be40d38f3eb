import type { RedisSettings, ResolvedPlatform } from '@verticals/config-schema'
import { redisOf } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { redisGroupId } from '../shared-stores'
import { REDIS_ENGINE } from '../toolchain'
import { dataStoreMaintenanceWindow } from './maintenance'

/** Ids ElastiCache gives the member clusters of a replication group: `<group>-001`, `<group>-002`, ... */
export function memberClusterIds(groupId: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${groupId}-${String(i + 1).padStart(3, '0')}`)
}

/** Ids of the members of a cluster-mode group: `<group>-<shard 0001>-<node 001>`, primary first. */
export function shardMemberClusterIds(groupId: string, shards: number, replicasPerShard: number): string[] {
  return Array.from({ length: shards }, (_, s) =>
    memberClusterIds(`${groupId}-${String(s + 1).padStart(4, '0')}`, 1 + replicasPerShard),
  ).flat()
}

/**
 * What the cache template prints: an ElastiCache Redis replication group, cluster-mode enabled when the
 * config declares `dataStores.redis.cluster` (shards of a primary and replicas; the parameter group
 * then sets `cluster-enabled`). Node counts are held against ElastiCache's limits by `validate`
 * (AWS_LIMIT); ids of at most 40 characters are checked by the AWS provider at `terraform plan`.
 */
export function cacheView(platform: ResolvedPlatform, vertical: Vertical) {
  const placement = redisOf(platform, vertical.name)
  // A member of a shared store reads it (shared-stores.tf); the platform part creates it once.
  if (placement.shared !== null) return null
  return redisStoreView(platform, {
    prefix: resourcePrefix(platform, vertical),
    settings: placement.settings,
    description: `${platform.metadata.displayName} ${vertical.displayName} cache`,
    ownSecurityGroup: false,
  })
}

/** One Redis store as the cache template sees it: a vertical's own, or a shared one. */
export interface RedisStore {
  readonly prefix: string
  readonly settings: RedisSettings
  readonly description: string
  /** A shared store creates its security group (allowing each member); a vertical's takes them as input. */
  readonly ownSecurityGroup: boolean
}

/** What the cache template prints for one Redis store. */
export function redisStoreView(platform: ResolvedPlatform, store: RedisStore) {
  const redis = store.settings
  const groupId = redisGroupId(store.prefix)
  const cluster = redis.cluster ?? null
  return {
    groupId,
    ownSecurityGroup: store.ownSecurityGroup,
    description: store.description,
    engine: REDIS_ENGINE.engine,
    engineVersion: REDIS_ENGINE.version,
    family: REDIS_ENGINE.family,
    nodeType: redis.nodeType,
    nodes: redis.nodes,
    cluster: cluster && { shards: cluster.shards, replicasPerShard: cluster.replicasPerShard },
    port: platform.security.network.redisPort,
    evictionPolicy: redis.evictionPolicy,
    automaticFailover: redis.automaticFailover,
    multiAz: redis.automaticFailover && platform.primaryRegion.multiAz,
    encryptionAtRest: redis.encryptionAtRest,
    encryptionInTransit: redis.encryptionInTransit,
    kmsDescription: `${groupId} encryption at rest`,
    maintenanceWindow: dataStoreMaintenanceWindow(platform),
    memberClusterIds: cluster
      ? shardMemberClusterIds(groupId, cluster.shards, cluster.replicasPerShard)
      : memberClusterIds(groupId, redis.nodes),
  }
}
