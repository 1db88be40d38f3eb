import { describe, expect, it } from 'vitest'
import { parse } from '../parse'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

const redis = (field: string) => ['dataStores', 'redis', field]

describe('Redis node counts against ElastiCache limits', () => {
  it('refuse 8 nodes without cluster mode, naming the limit and the way out', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [redis('nodes'), 8]))
    expect(d).toMatchObject({ code: 'AWS_LIMIT', path: 'dataStores.redis.nodes' })
    expect(d?.message).toBe(
      "8 nodes is above ElastiCache's 6 without cluster mode (a primary and 5 replicas): lower nodes, or set dataStores.redis.cluster: { shards, replicasPerShard }",
    )
  })

  it('accept 6 nodes without cluster mode, and 8 nodes as 4 shards of a primary and a replica', () => {
    expect(errorsAfter([redis('nodes'), 6])).toEqual([])
    const platform = resolveText(
      edit(argentinaText(), [redis('nodes'), 8], [redis('cluster'), { shards: 4, replicasPerShard: 1 }]),
    )
    expect(platform.dataStores.redis.cluster).toEqual({ shards: 4, replicasPerShard: 1 })
  })

  it('refuse nodes that do not match the cluster shape', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [redis('nodes'), 6], [redis('cluster'), { shards: 4, replicasPerShard: 1 }]),
    )
    expect(d).toMatchObject({ code: 'INVALID_VALUE', path: 'dataStores.redis.nodes' })
    expect(d?.message).toBe('6 nodes does not match cluster: 4 shards × (1 + 1 replicas) = 8')
  })

  it('refuse a cluster above 500 nodes, a cluster without failover, and failover without a replica', () => {
    expect(
      errorsAfter([redis('nodes'), 600], [redis('cluster'), { shards: 300, replicasPerShard: 1 }]),
    ).toEqual(['AWS_LIMIT dataStores.redis.cluster'])
    expect(
      errorsAfter(
        [redis('nodes'), 3],
        [redis('cluster'), { shards: 3, replicasPerShard: 0 }],
        [redis('automaticFailover'), false],
      ),
    ).toEqual(['AWS_LIMIT dataStores.redis.automaticFailover'])
    expect(errorsAfter([redis('nodes'), 1])).toEqual(['AWS_LIMIT dataStores.redis.automaticFailover'])
  })

  it('warn above the default quota of 90 nodes per cluster', () => {
    const text = edit(
      argentinaText(),
      [redis('nodes'), 120],
      [redis('cluster'), { shards: 60, replicasPerShard: 1 }],
    )
    const result = parse(text, 'platform.yaml')
    expect(result.ok).toBe(true)
    expect(result.ok && result.warnings.map((w) => `${w.code} ${w.path} ${w.message}`)).toEqual([
      "AWS_LIMIT dataStores.redis.cluster 120 nodes is above ElastiCache's default quota of 90 nodes per cluster: request a quota increase before applying",
    ])
  })

  it('refuse shard and replica counts outside what ElastiCache offers', () => {
    expect(errorsAfter([redis('cluster'), { shards: 0, replicasPerShard: 1 }])).toContain(
      'INVALID_VALUE dataStores.redis.cluster.shards',
    )
    expect(errorsAfter([redis('cluster'), { shards: 1, replicasPerShard: 6 }])).toContain(
      'INVALID_VALUE dataStores.redis.cluster.replicasPerShard',
    )
  })
})
