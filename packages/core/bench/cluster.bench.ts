import { parse, type ResolvedPlatform } from '@verticals/config-schema'
import { Cluster } from 'ioredis'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { median, medianMs, recordBenchmark } from '../../../scripts/bench/report.ts'
import type { Platform } from '../src/index'
import { createEnv, type Env, exampleText } from '../test/harness'
import { startCluster, type TestCluster } from '../test/redis-cluster'

// Core on a six-node Redis Cluster against a raw GET through the same ioredis Cluster client:
// the cost of core's cache and consent layers when every key is routed to its shard.
const GROUP = 'core on Redis Cluster'
const MAX = 1.15
let cluster: TestCluster
let client: Cluster
let env: Env
let barber: Platform

beforeAll(async () => {
  cluster = await startCluster(60_000)
  // barber's Redis is the shared store's: that one is the cluster (the default too, for symmetry).
  const text = exampleText()
    .replace('    nodes: 2\n', '    nodes: 6\n    cluster: { shards: 3, replicasPerShard: 1 }\n')
    .replace(
      '        nodes: 3 # a primary and two replicas: failover and read capacity\n',
      '        nodes: 6\n        cluster: { shards: 3, replicasPerShard: 1 }\n',
    )
  const result = parse(text, 'platform.yaml')
  if (!result.ok) throw new Error('the clustered example config is invalid')
  const config: ResolvedPlatform = result.platform
  client = new Cluster([{ host: '127.0.0.1', port: cluster.nodes[0]?.port as number }], {
    enableOfflineQueue: true,
  })
  await client.ping()
  env = await createEnv({ poolSize: 8 })
  barber = await env.platform('barber', { config, redis: client, consentCacheTtl: 3600 })
}, 120_000)

afterAll(async () => {
  await env?.cleanup()
  client?.disconnect()
  await cluster?.stop()
}, 60_000)

// Alternates raw and core in short rounds; the median of each side's round medians, in µs.
async function paired(raw: () => unknown, ours: () => unknown, rounds = 7): Promise<[number, number]> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < rounds; i += 1) {
    a.push((await medianMs(raw, { time: 400 })) * 1000)
    b.push((await medianMs(ours, { time: 400 })) * 1000)
  }
  return [median(a), median(b)]
}

function record(name: string, value: number, raw: number, notes: string) {
  const round = (n: number) => Math.round(n * 100) / 100
  recordBenchmark({
    group: GROUP,
    name,
    value: round(value),
    unit: 'µs',
    baseline: { name: 'raw cluster GET', value: round(raw) },
    target: `<= ${MAX}x raw cluster GET`,
    met: value / raw <= MAX,
    notes: `${(value / raw).toFixed(2)}x; ${notes}`,
  })
}

describe('core on a Redis Cluster', () => {
  it('cache hit vs raw cluster GET', async () => {
    await barber.cache.wrap('api-responses', 'catalogue', async () => ({ items: [1, 2, 3], page: 1 }), {
      subjectId: null,
    })
    const key = `${env.prefix}turnos:barber:api-responses:catalogue`
    const loader = async () => ({ items: [], page: 0 })
    const [raw, hit] = await paired(
      () => client.get(key),
      () => barber.cache.wrap('api-responses', 'catalogue', loader, { subjectId: null }),
    )
    record(
      'cache.wrap hit on the cluster (median)',
      hit,
      raw,
      'same key, same Cluster client, timeout and breaker on',
    )
  }, 120_000)

  it('consent check from cache vs raw cluster GET', async () => {
    await barber.consent.grant({
      subjectId: 'bench',
      purpose: 'marketing',
      evidence: { collectedBy: 'bench', method: 'checkbox' },
    })
    await barber.consent.check('bench', 'marketing')
    const key = `${env.prefix}turnos:barber:~consent:marketing:bench`
    const [raw, cached] = await paired(
      () => client.get(key),
      () => barber.consent.check('bench', 'marketing'),
    )
    record(
      'consent.check from cache on the cluster (median)',
      cached,
      raw,
      'a warm decision, same Cluster client',
    )
  }, 120_000)
})
