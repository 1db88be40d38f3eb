import type { ResolvedPlatform } from '@verticals/config-schema'
import { Cluster, Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import type { Platform } from '../src/index'
import { createEnv, type Env, exampleText, resolveText, VERIFIED, withSteadyCacheTimeout } from './harness'
import { type ClusterNode, startCluster, type TestCluster } from './redis-cluster'

// Core's cache, consent and erasure on a real six-node Redis Cluster (three shards of a primary and a
// replica) that this file starts and stops, configured the way a platform with
// dataStores.redis.cluster is: core is given the URL of one node and opens an ioredis Cluster itself.

// Starting the cluster, and a failover (node timeout plus election), are the heavy steps here.
const START_MS = timeoutFor({ redisCluster: 1 })
const FAILOVER_MS = timeoutFor({ redisCluster: 1, redisFailover: 1 })
/** Bytes of a value that fills a replica link's socket buffers (a few MiB on loopback) several times over. */
const FILLER_BYTES = 32 * 1024 * 1024

let cluster: TestCluster
let env: Env
let config: ResolvedPlatform
/** The same platform with a cache timeout no stall of a loaded machine reaches (see onCluster). */
let steady: ResolvedPlatform
/** A second client on the cluster, to look at keys the way an operator would. */
let probe: Cluster

beforeAll(async () => {
  cluster = await startCluster(START_MS)
  // A short breaker cooldown, so the cache is back within the test after the failover opened it.
  const text = exampleText()
    // The default Redis (psychology's) and the shared store's (barber's) both as the cluster.
    .replace('    nodes: 2\n', '    nodes: 6\n    cluster: { shards: 3, replicasPerShard: 1 }\n')
    .replace(
      '        nodes: 3 # a primary and two replicas: failover and read capacity\n',
      '        nodes: 6\n        cluster: { shards: 3, replicasPerShard: 1 }\n',
    )
    .replace(
      '  maxValueSize: 512Ki\n',
      '  maxValueSize: 512Ki\n  circuitBreaker: { failures: 5, cooldown: 1s }\n',
    )
  config = resolveText(text)
  steady = resolveText(withSteadyCacheTimeout(text))
  env = await createEnv()
  probe = new Cluster([{ host: '127.0.0.1', port: cluster.nodes[0]?.port as number }])
}, START_MS)

afterAll(async () => {
  probe?.disconnect()
  await env?.cleanup()
  await cluster?.stop()
}, START_MS)

/**
 * A platform on the cluster: core owns its Cluster client, opened from the URL. Unless a test is about
 * what the example's 50 ms cache timeout does (`exampleTimeout`: failing open, bounding the replica
 * wait), its cache waits 5 s for Redis (withSteadyCacheTimeout): six nodes beside two test suites on
 * two cores stall a call past 50 ms now and then.
 */
function onCluster(
  vertical: string,
  options: { consentCacheTtl?: number; consentDurableWithinMs?: number; exampleTimeout?: boolean } = {},
): Promise<Platform> {
  const { exampleTimeout = false, ...rest } = options
  return env.platform(vertical, { config: exampleTimeout ? config : steady, redis: cluster.url, ...rest })
}

/** Every key under the test's prefix, on every primary (a cluster SCAN visits each shard). */
async function clusterKeys(): Promise<string[]> {
  const found: string[] = []
  for (const node of probe.nodes('master')) {
    let cursor = '0'
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', `${env.prefix}*`, 'COUNT', 1000)
      found.push(...batch)
      cursor = next
    } while (cursor !== '0')
  }
  return found.sort()
}

/** The replica of `key`'s shard and what it holds for the key (READONLY GET on each replica). */
async function replicaOf(key: string): Promise<{ node: ClusterNode; value: string | null }> {
  for (const node of cluster.nodes) {
    if (node.process.exitCode !== null || node.process.signalCode !== null) continue
    const client = new Redis({ port: node.port, host: '127.0.0.1', lazyConnect: true })
    try {
      await client.connect()
      const [role] = (await client.role()) as [string]
      if (role !== 'slave') continue
      await client.call('READONLY')
      return { node, value: await client.get(key) } // a replica of another shard answers MOVED
    } catch {
      // not this node
    } finally {
      client.disconnect()
    }
  }
  throw new Error(`no replica serves ${key}`)
}

/** What the replica of `key`'s shard holds for it. */
async function onReplica(key: string): Promise<string | null> {
  return (await replicaOf(key)).value
}

/** Polls the replica of `key`'s shard until it holds `expected` (a string, or a pattern). */
async function replicaHolds(key: string, expected: RegExp): Promise<string | null> {
  const until = Date.now() + START_MS
  let value = await onReplica(key)
  while (!(value !== null && expected.test(value)) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20))
    value = await onReplica(key)
  }
  return value
}

/** The nodes whose process still runs (failover tests kill primaries). */
const live = () => cluster.nodes.filter((n) => n.process.exitCode === null && n.process.signalCode === null)

/**
 * A cluster client seeded with the live nodes (a test above may have killed the one cluster.url
 * names), ready: it knows the current topology. No offline queue: a call to a dead node fails at once.
 */
async function ready(): Promise<Cluster> {
  const client = new Cluster(
    live().map((n) => ({ host: '127.0.0.1', port: n.port })),
    { enableOfflineQueue: false },
  )
  await new Promise((resolve) => client.once('ready', resolve))
  return client
}

/**
 * The ports of the primary that serves `key` and of its live replicas, as the cluster says now (not
 * as the probe's slot map remembered it before a failover).
 */
async function shardOf(key: string): Promise<{ primary: number; replicas: number[] }> {
  const slot = Number(await probe.cluster('KEYSLOT', key))
  const shards = await probe.cluster('SLOTS')
  const [, , primary, ...replicas] = shards.find(([from, to]) => slot >= from && slot <= to) ?? []
  if (primary === undefined) throw new Error(`no primary serves slot ${slot} of ${key}`)
  const ports = new Set(live().map((n) => n.port))
  return { primary: primary[1], replicas: replicas.map(([, port]) => port).filter((port) => ports.has(port)) }
}

/** The port of a live replica of the primary that serves `key`, if its shard still has one. */
async function replicaPortOf(key: string): Promise<number | undefined> {
  return (await shardOf(key)).replicas[0]
}

/**
 * The first subject `${name}-<i>` whose key's shard has a live replica, and that replica's port, read
 * in one answer (asked twice while gossip settles, the cluster may name none the second time).
 */
async function subjectWithReplica(
  keyOf: (subject: string) => string,
  name: string,
): Promise<{ subject: string; replica: number }> {
  for (let i = 0; ; i++) {
    const replica = await replicaPortOf(keyOf(`${name}-${i}`))
    if (replica !== undefined) return { subject: `${name}-${i}`, replica }
  }
}

/** What node `port` itself holds for `key` (READONLY on a replica), never redirected. */
async function heldBy(port: number, key: string): Promise<string | null> {
  // An undefined port would reach the machine's own Redis on 6379, which is no cluster node.
  if (!live().some((n) => n.port === port)) throw new Error(`no live cluster node on port ${port}`)
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true })
  try {
    await client.connect()
    await client.call('READONLY')
    return await client.get(key)
  } finally {
    client.disconnect()
  }
}

describe('core on a Redis Cluster', () => {
  it('caches by data class across shards, invalidates, and never writes a TTL-0 class', async () => {
    const barber = await onCluster('barber')
    const ids = Array.from({ length: 12 }, (_, i) => `u${i}`)
    let loads = 0
    for (const id of ids)
      await barber.cache.wrap('user-profiles', id, async () => ({ id, n: ++loads }), { subjectId: id })
    for (const id of ids)
      await barber.cache.wrap('user-profiles', id, async () => ({ id, n: ++loads }), { subjectId: id })
    expect(loads).toBe(ids.length)
    const keys = await clusterKeys()
    // Each value, and each subject's index (user-profiles are personal data, written with their subject).
    expect(keys).toEqual(
      ids
        .flatMap((id) => [
          `${env.prefix}turnos:barber:user-profiles:${id}`,
          `${env.prefix}turnos:barber:~subject:${id}`,
        ])
        .sort(),
    )
    // The keys hash to slots of more than one shard: the cluster client routed each write.
    const slots = new Set(await Promise.all(keys.map((k) => probe.cluster('KEYSLOT', k))))
    expect(slots.size).toBeGreaterThan(1)
    await barber.cache.invalidate('user-profiles', 'u0')
    expect(await clusterKeys()).not.toContain(`${env.prefix}turnos:barber:user-profiles:u0`)

    const psychology = await onCluster('psychology')
    await psychology.cache.wrap('session-notes', 's1', async () => ({ notes: 'never cached' }), {
      subjectId: 'p1',
    })
    expect((await clusterKeys()).some((k) => k.includes('session-notes'))).toBe(false)
  })

  it('answers consent from the cluster, and a withdrawal denies at once on another instance', async () => {
    const a = await onCluster('barber', { consentCacheTtl: 600 })
    const b = await onCluster('barber', { consentCacheTtl: 600 })
    const evidence = { collectedBy: 'test', method: 'checkbox' }
    await a.consent.grant({ subjectId: 'c1', purpose: 'marketing', evidence })
    expect(await b.consent.check('c1', 'marketing')).toMatchObject({ allowed: true })
    expect(await probe.get(`${env.prefix}turnos:barber:~consent:marketing:c1`)).not.toBeNull()
    const withdrawn = await a.consent.withdraw({ subjectId: 'c1', purpose: 'marketing' })
    expect(withdrawn.cacheUpdated).toBe(true)
    expect(await b.consent.check('c1', 'marketing')).toMatchObject({ allowed: false })
  })

  it('erases a subject from PostgreSQL and from every shard', async () => {
    const barber = await onCluster('barber', { consentCacheTtl: 600 })
    const subject = 'erase-me'
    await barber.consent.grant({
      subjectId: subject,
      purpose: 'marketing',
      evidence: { collectedBy: 'test', method: 'checkbox' },
    })
    await barber.consent.check(subject, 'marketing')
    for (const id of ['p1', 'p2', 'p3', 'p4'])
      await barber.cache.wrap('user-profiles', `${subject}-${id}`, async () => ({ id }), {
        subjectId: subject,
      })
    const before = (await clusterKeys()).filter((k) => k.includes(subject))
    expect(before.length).toBe(6) // four values, the subject index, the consent decision
    const request = await barber.dsr.open({ subjectId: subject, kind: 'erasure', verification: VERIFIED })
    const { erased } = await barber.dsr.fulfil(request.id, { actor: 'privacy-officer' })
    // The four values and the consent decision; the subject's index set goes too.
    expect(erased?.cacheKeys).toBe(5)
    expect((await clusterKeys()).filter((k) => k.includes(subject))).toEqual([])
  })

  // Replication is asynchronous: a primary acknowledges a write its replica may never get. A
  // withdrawal counts as written only once the replica has it (WAIT); with the replica stopped it
  // has not, and the withdrawal says so instead of returning as if every instance would deny.
  it('a withdrawal is only reported written once the replica of its shard holds it', async () => {
    const a = await onCluster('barber', {
      consentCacheTtl: 600,
      consentDurableWithinMs: 1,
      exampleTimeout: true,
    })
    const evidence = { collectedBy: 'test', method: 'checkbox' }
    await a.consent.grant({ subjectId: 'unreplicated', purpose: 'marketing', evidence })
    const key = `${env.prefix}turnos:barber:~consent:marketing:unreplicated`
    expect(await replicaHolds(key, /^g:/)).toMatch(/^g:/)
    const { node } = await replicaOf(key)
    const pid = node.process.pid as number
    process.kill(pid, 'SIGSTOP')
    let withdrawal: Awaited<ReturnType<typeof a.consent.withdraw>>
    try {
      withdrawal = await a.consent.withdraw({ subjectId: 'unreplicated', purpose: 'marketing' })
    } finally {
      process.kill(pid, 'SIGCONT')
    }
    expect(await probe.get(key)).toBe('w') // the primary took it...
    expect(withdrawal.cacheUpdated).toBe(false) // ...but its replica did not acknowledge it
    expect(await a.consent.check('unreplicated', 'marketing')).toMatchObject({ allowed: false })
    // Resumed, the replica catches up; the cluster is whole again for the failover tests below.
    expect(await replicaHolds(key, /^w$/)).toBe('w')
    await cluster.waitHealthy(FAILOVER_MS)
  })

  it(
    'survives the loss of a primary: no wrong consent answer, the cache fails open, then recovers',
    async () => {
      const a = await onCluster('barber', { consentCacheTtl: 600, exampleTimeout: true })
      const b = await onCluster('barber', { consentCacheTtl: 600, exampleTimeout: true })
      const evidence = { collectedBy: 'test', method: 'checkbox' }
      await a.consent.grant({ subjectId: 'granted', purpose: 'marketing', evidence })
      await a.consent.grant({ subjectId: 'to-withdraw', purpose: 'marketing', evidence })
      await a.consent.grant({ subjectId: 'refused', purpose: 'marketing', evidence })
      await a.consent.withdraw({ subjectId: 'refused', purpose: 'marketing' })
      const key = `${env.prefix}turnos:barber:~consent:marketing:to-withdraw`
      expect(await b.consent.check('to-withdraw', 'marketing')).toMatchObject({ allowed: true })
      // Let the replica of the shard that holds the grant receive it before its primary dies.
      await probe.wait(1, 1000)

      // Cache keys on the same shard as the grant: the shard that will lose its primary.
      const owner = async (k: string) => (await shardOf(k)).primary
      const target = await owner(key)
      const hot: string[] = []
      for (let i = 0; hot.length < 3; i++) {
        if ((await owner(`${env.prefix}turnos:barber:api-responses:hot-${i}`)) === target)
          hot.push(`hot-${i}`)
      }

      const expected = new Map([
        ['granted', true],
        ['refused', false],
      ])
      let checks = 0
      let failOpen = 0
      let running = true
      const wrong: string[] = []
      // Checks from both instances, all through the failover: none may answer other than PostgreSQL would.
      const checking = (async () => {
        while (running) {
          for (const [subject, allowed] of expected) {
            for (const p of [a, b]) {
              const decision = await p.consent.check(subject, 'marketing')
              checks += 1
              if (decision.allowed !== allowed) wrong.push(`${subject}: ${JSON.stringify(decision)}`)
            }
          }
          const value = await a.cache.wrap(
            'api-responses',
            hot[checks % hot.length] as string,
            async () => {
              failOpen += 1
              return { fresh: true }
            },
            { subjectId: null },
          )
          if (!('fresh' in value)) wrong.push('cache returned something the loader did not')
          await new Promise((r) => setTimeout(r, 5))
        }
      })()

      while (failOpen < hot.length) await new Promise((r) => setTimeout(r, 5)) // every hot key cached
      await new Promise((r) => setTimeout(r, 20))
      const before = { checks, loads: failOpen }
      await cluster.killPrimaryOf(key)
      // Withdrawn while the shard that holds its cached grant has no primary.
      const withdrawal = await a.consent.withdraw({ subjectId: 'to-withdraw', purpose: 'marketing' })
      expected.set('to-withdraw', false)
      expect(await a.consent.check('to-withdraw', 'marketing')).toMatchObject({ allowed: false })

      await cluster.waitHealthy(FAILOVER_MS)
      const during = { checks: checks - before.checks, loads: failOpen - before.loads }
      // After the failover the promoted replica takes the rewrite; the other instance then denies too.
      const deadline = Date.now() + FAILOVER_MS
      while ((await probe.get(key).catch(() => null)) !== 'w' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
      }
      running = false
      await checking
      expect(wrong).toEqual([])
      // Consent was checked while the shard had no primary, and the cache served its callers from
      // the loader instead of failing them (the hot keys were cached before the kill).
      expect(during.checks).toBeGreaterThan(0)
      expect(during.loads).toBeGreaterThan(0)
      // Whether or not Redis took the withdrawal at once, it holds it now (core rewrote it after the failover).
      expect(withdrawal.status).toBe('withdrawn')
      expect(await probe.get(key)).toBe('w')
      expect(await b.consent.check('to-withdraw', 'marketing')).toMatchObject({ allowed: false })
      expect(await b.consent.check('granted', 'marketing')).toMatchObject({ allowed: true })
      // The cache works again on the promoted primary once the breaker's cooldown has passed.
      let loads = 0
      const load = async () => ({ v: ++loads })
      const until = Date.now() + config.cache.circuitBreaker.cooldown * 1000 + FAILOVER_MS
      let cached = false
      while (!cached && Date.now() < until) {
        const first = await a.cache.wrap('user-profiles', 'after', load, { subjectId: 'after' })
        cached = (await a.cache.wrap('user-profiles', 'after', load, { subjectId: 'after' })).v === first.v
        if (!cached) await new Promise((r) => setTimeout(r, 100))
      }
      expect(cached).toBe(true)
      expect(await probe.get(`${env.prefix}turnos:barber:user-profiles:after`)).not.toBeNull()
    },
    FAILOVER_MS * 2,
  )

  // The flake seen under load, made deterministic: the promoted replica holds the grant, and the
  // instance that withdrew is gone before it could rewrite it (under load it was merely late).
  it(
    'a withdrawal made while its shard has no primary holds on the promoted replica, for every instance',
    async () => {
      const clientA = await ready()
      const a = await env.platform('barber', {
        config,
        redis: clientA,
        consentCacheTtl: 600,
        consentDurableWithinMs: FAILOVER_MS,
      })
      const evidence = { collectedBy: 'test', method: 'checkbox' }
      // A subject on a shard that still has a replica (the test above left one shard without).
      let subject = ''
      for (let i = 0; subject === ''; i++) {
        if (
          await onReplica(`${env.prefix}turnos:barber:~consent:marketing:lost-${i}`).then(
            () => true,
            () => false,
          )
        )
          subject = `lost-${i}`
      }
      expect(
        (await a.consent.grant({ subjectId: subject, purpose: 'marketing', evidence })).cacheUpdated,
      ).toBe(true)
      const key = `${env.prefix}turnos:barber:~consent:marketing:${subject}`
      expect(await replicaHolds(key, /^g:/)).toMatch(/^g:/) // the replica to be promoted holds the grant

      await cluster.killPrimaryOf(key)
      const withdrawal = await a.consent.withdraw({ subjectId: subject, purpose: 'marketing' })
      // The withdrawing instance dies at once: nothing rewrites the key after this.
      await a.close()
      clientA.disconnect()
      await cluster.waitHealthy(FAILOVER_MS)

      // A new instance (a restarted pod) on a ready client that knows the new topology: its check
      // reads the promoted replica's key, whatever Redis holds there.
      const client = await ready()
      const b = await env.platform('barber', { config, redis: client, consentCacheTtl: 600 })
      const held = await probe.get(key)
      expect(await b.consent.check(subject, 'marketing')).toMatchObject({
        allowed: false,
        reason: 'withdrawn',
      })
      expect(held).toBe('w')
      expect(withdrawal.cacheUpdated).toBe(true) // the withdrawal returned once Redis held it durably
      client.disconnect()
    },
    FAILOVER_MS * 2,
  )

  // The same hole for the other changes that must deny: a restriction, an objection and an erasure
  // that the key's primary acknowledged and then lost with it. The replica is stopped and its link
  // clogged, so it cannot receive them; the primary dies; the promoted replica holds the old grants.
  it(
    'a restriction, an objection and an erasure acknowledged by a primary that then dies hold on the promoted replica',
    async () => {
      const keyOf = (subject: string) => `${env.prefix}turnos:barber:~consent:marketing:${subject}`
      // Three subjects on one shard that still has a replica (the tests above left one such shard).
      let replica: number | undefined
      const subjects: string[] = []
      for (let i = 0; subjects.length < 3; i++) {
        const port = await replicaPortOf(keyOf(`held-${i}`))
        if (port === undefined || (replica !== undefined && port !== replica)) continue
        replica = port
        subjects.push(`held-${i}`)
      }
      const [restricted, objected, erased] = subjects as [string, string, string]
      const clientA = await ready()
      const a = await env.platform('barber', {
        config,
        redis: clientA,
        consentCacheTtl: 600,
        consentDurableWithinMs: FAILOVER_MS,
      })
      const evidence = { collectedBy: 'test', method: 'checkbox' }
      for (const subject of subjects) {
        const granted = await a.consent.grant({ subjectId: subject, purpose: 'marketing', evidence })
        expect(granted.cacheUpdated).toBe(true)
      }
      const synced = Date.now() + START_MS
      const replicaHolds = async () => Promise.all(subjects.map((s) => heldBy(replica as number, keyOf(s))))
      while (!(await replicaHolds()).every((v) => v?.startsWith('g:')) && Date.now() < synced)
        await new Promise((r) => setTimeout(r, 20))
      for (const held of await replicaHolds()) expect(held).toMatch(/^g:/) // the replica to be promoted holds the grants
      const requests = {
        restriction: await a.dsr.open({ subjectId: restricted, kind: 'restriction', verification: VERIFIED }),
        objection: await a.dsr.open({ subjectId: objected, kind: 'objection', verification: VERIFIED }),
        erasure: await a.dsr.open({ subjectId: erased, kind: 'erasure', verification: VERIFIED }),
      }

      cluster.pause(replica as number)
      // A stopped process's sockets still take data: the kernel would hand the replica what the
      // primary sends now when it resumes. A value larger than the socket buffers (same slot, by its
      // hash tag) keeps everything after it in the primary's own output buffer, which dies with it.
      await probe.set(`${env.prefix}{${keyOf(restricted)}}:filler`, 'x'.repeat(FILLER_BYTES))
      const settle = (p: Promise<unknown>) =>
        p.then(
          () => 'done',
          (error: unknown) => error,
        )
      const fulfilled = Promise.all([
        settle(a.dsr.fulfil(requests.restriction.id, { actor: 'privacy-officer' })),
        settle(a.dsr.fulfil(requests.objection.id, { actor: 'privacy-officer', purposes: ['marketing'] })),
        settle(a.dsr.fulfil(requests.erasure.id, { actor: 'privacy-officer' })),
      ])
      try {
        // The primary acknowledged all three: the restriction, the objection, the erased decision's removal.
        const { primary } = await shardOf(keyOf(restricted))
        const acknowledged = Date.now() + START_MS
        const onPrimary = async () =>
          Promise.all(subjects.map((s) => heldBy(primary, keyOf(s)).catch(() => 'unreachable')))
        while (Date.now() < acknowledged) {
          const [r, o, e] = await onPrimary()
          if (r === 'r' && o === 'o' && e === null) break
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        expect(await onPrimary()).toEqual(['r', 'o', null])
        await cluster.killPrimaryOf(keyOf(restricted))
      } finally {
        cluster.resume(replica as number)
      }
      const outcomes = await fulfilled
      // The instance that placed them dies at once: nothing rewrites the keys after this.
      await a.close()
      clientA.disconnect()
      await cluster.waitHealthy(FAILOVER_MS)

      const client = await ready()
      const b = await env.platform('barber', { config, redis: client, consentCacheTtl: 600 })
      // What the promoted replica holds (before a check could fill the erased subject's key from PostgreSQL).
      expect(await Promise.all(subjects.map((s) => probe.get(keyOf(s))))).toEqual(['r', 'o', null])
      expect(await b.consent.check(restricted, 'marketing')).toMatchObject({
        allowed: false,
        reason: 'restricted',
      })
      expect(await b.consent.check(objected, 'marketing')).toMatchObject({
        allowed: false,
        reason: 'objected',
      })
      expect(await b.consent.check(erased, 'marketing')).toMatchObject({ allowed: false, reason: 'none' })
      // Each call returned once Redis held its change durably, not merely acknowledged.
      expect(outcomes).toEqual(['done', 'done', 'done'])
      client.disconnect()
    },
    FAILOVER_MS * 2,
  )

  // The withdrawal test's case for erasure: the shard has no primary when the subject is erased, and
  // the instance that erased them is gone before it could remove the grant anywhere else.
  it(
    'an erasure made while its shard has no primary removes the grant from the promoted replica',
    async () => {
      await cluster.revive(START_MS) // every shard has its replica again
      const keyOf = (subject: string) => `${env.prefix}turnos:barber:~consent:marketing:${subject}`
      const { subject, replica } = await subjectWithReplica(keyOf, 'gone')
      const key = keyOf(subject)
      const clientA = await ready()
      const a = await env.platform('barber', {
        config,
        redis: clientA,
        consentCacheTtl: 600,
        consentDurableWithinMs: FAILOVER_MS,
      })
      const evidence = { collectedBy: 'test', method: 'checkbox' }
      expect(
        (await a.consent.grant({ subjectId: subject, purpose: 'marketing', evidence })).cacheUpdated,
      ).toBe(true)
      const synced = Date.now() + START_MS
      while (!(await heldBy(replica, key))?.startsWith('g:') && Date.now() < synced)
        await new Promise((r) => setTimeout(r, 20))
      expect(await heldBy(replica, key)).toMatch(/^g:/) // the replica that will be promoted holds the grant
      const request = await a.dsr.open({ subjectId: subject, kind: 'erasure', verification: VERIFIED })

      await cluster.killPrimaryOf(key)
      const outcome = await a.dsr.fulfil(request.id, { actor: 'privacy-officer' }).then(
        () => 'done',
        (error: unknown) => error,
      )
      // The erasing instance dies at once: nothing removes the key after this.
      await a.close()
      clientA.disconnect()
      await cluster.waitHealthy(FAILOVER_MS)

      const client = await ready()
      const b = await env.platform('barber', { config, redis: client, consentCacheTtl: 600 })
      expect(await probe.get(key)).toBeNull() // before a check fills it from PostgreSQL
      expect(await b.consent.check(subject, 'marketing')).toMatchObject({ allowed: false, reason: 'none' })
      expect(outcome).toBe('done') // fulfil returned once the removal was durable
      client.disconnect()
    },
    START_MS + FAILOVER_MS * 2,
  )
})
