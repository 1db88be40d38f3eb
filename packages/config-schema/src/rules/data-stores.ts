import type { PlatformConfig } from '../schema/platform'
import { mergeRedis } from '../tenancy'
import { err, type Rule, type RuleFinding } from './shared'

// ElastiCache's limits for Redis replication groups (AWS ElastiCache User Guide, "Quotas" and
// "Replication: cluster mode disabled vs enabled"): a plan above them fails at `terraform apply`.
/** Nodes of a replication group without cluster mode: one primary and up to five replicas. */
export const REDIS_MAX_NODES_UNCLUSTERED = 6
/** Nodes of a cluster-mode replication group: the hard maximum, reachable by a quota increase. */
export const REDIS_MAX_NODES_CLUSTERED = 500
/** The default quota of nodes per cluster-mode replication group; above it, ask AWS first. */
export const REDIS_DEFAULT_NODE_QUOTA = 90

type Redis = PlatformConfig['dataStores']['redis']

/** Redis node counts fit ElastiCache's limits, agree with the cluster shape, and allow failover: the default and each shared store. */
export const redisNodes: Rule = (config) => {
  const base = config.dataStores.redis
  const findings = checkRedis(base, (field) => ['dataStores', 'redis', field])
  for (const [name, store] of Object.entries(config.dataStores.shared)) {
    if (store.redis === undefined) continue
    const sizing = store.redis
    // A field the shared store sets is reported there; one it inherits, at the default.
    const at = (field: string) =>
      field in sizing ? ['dataStores', 'shared', name, 'redis', field] : ['dataStores', 'redis', field]
    findings.push(...checkRedis(mergeRedis(base, sizing), at))
  }
  return findings
}

function checkRedis(redis: Redis, at: (field: string) => (string | number)[]): RuleFinding[] {
  const findings: RuleFinding[] = []
  const { cluster } = redis
  if (cluster === undefined) {
    if (redis.nodes > REDIS_MAX_NODES_UNCLUSTERED) {
      findings.push(
        err(
          'AWS_LIMIT',
          at('nodes'),
          `${redis.nodes} nodes is above ElastiCache's ${REDIS_MAX_NODES_UNCLUSTERED} without cluster mode (a primary and 5 replicas): lower nodes, or set dataStores.redis.cluster: { shards, replicasPerShard }`,
        ),
      )
    }
    if (redis.automaticFailover && redis.nodes < 2) {
      findings.push(
        err(
          'AWS_LIMIT',
          at('automaticFailover'),
          'automatic failover needs a replica to fail over to: nodes >= 2',
        ),
      )
    }
    return findings
  }
  const expected = cluster.shards * (1 + cluster.replicasPerShard)
  if (redis.nodes !== expected) {
    findings.push(
      err(
        'INVALID_VALUE',
        at('nodes'),
        `${redis.nodes} nodes does not match cluster: ${cluster.shards} shards × (1 + ${cluster.replicasPerShard} replicas) = ${expected}`,
      ),
    )
  }
  if (expected > REDIS_MAX_NODES_CLUSTERED) {
    findings.push(
      err(
        'AWS_LIMIT',
        at('cluster'),
        `${expected} nodes is above ElastiCache's maximum of ${REDIS_MAX_NODES_CLUSTERED} per cluster: fewer shards or replicas`,
      ),
    )
  } else if (expected > REDIS_DEFAULT_NODE_QUOTA) {
    findings.push({
      ...err(
        'AWS_LIMIT',
        at('cluster'),
        `${expected} nodes is above ElastiCache's default quota of ${REDIS_DEFAULT_NODE_QUOTA} nodes per cluster: request a quota increase before applying`,
      ),
      severity: 'warning',
    })
  }
  if (!redis.automaticFailover) {
    findings.push(
      err('AWS_LIMIT', at('automaticFailover'), 'cluster mode requires automatic failover: set it to true'),
    )
  }
  return findings
}
