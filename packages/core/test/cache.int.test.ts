import { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CacheResult } from '../src/index'
import { createEnv, type Env, exampleText, resolveText, withCacheTimeout } from './harness'
import { startProxy } from './proxy'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

function counter() {
  const seen: string[] = []
  return {
    seen,
    metrics: {
      cacheOperation: (dataClass: string, result: CacheResult) => seen.push(`${dataClass}:${result}`),
    },
  }
}

describe('cache', () => {
  it('caches by data class under <prefix><platform>:<vertical>:<class>:<key> with the configured TTL minus jitter', async () => {
    const platform = await env.platform('barber')
    let loads = 0
    const loader = async () => ({ name: 'Ana', visits: ++loads })
    expect(await platform.cache.wrap('user-profiles', 'u1', loader, { subjectId: 'u1' })).toEqual({
      name: 'Ana',
      visits: 1,
    })
    expect(await platform.cache.wrap('user-profiles', 'u1', loader, { subjectId: 'u1' })).toEqual({
      name: 'Ana',
      visits: 1,
    })
    expect(loads).toBe(1)
    const key = `${env.prefix}turnos:barber:user-profiles:u1`
    // The value, and the subject's index that erasure reads.
    expect((await env.keys()).sort()).toEqual([key, `${env.prefix}turnos:barber:~subject:u1`])
    const ttl = await env.redis.ttl(key)
    const configured = env.config.dataClasses['user-profiles']?.cacheTtl ?? 0
    expect(ttl).toBeLessThanOrEqual(configured)
    expect(ttl).toBeGreaterThanOrEqual(Math.floor(configured * (1 - env.config.cache.jitter / 100)) - 1)
    await platform.cache.invalidate('user-profiles', 'u1')
    expect(await env.keys()).toEqual([`${env.prefix}turnos:barber:~subject:u1`])
  })

  it('never writes a TTL-0 class (psychology session notes) to Redis, even under concurrency', async () => {
    const { seen, metrics } = counter()
    const platform = await env.platform('psychology', { metrics })
    const notes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        platform.cache.wrap('session-notes', `s${i % 4}`, async () => ({ notes: `n${i}` }), {
          subjectId: `s${i % 4}`,
        }),
      ),
    )
    expect(notes).toHaveLength(20)
    await platform.cache.wrap('api-responses', 'catalogue', async () => ['a'], { subjectId: null })
    // SCAN proves it: the only key under the prefix is the cacheable class.
    const keys = await env.keys()
    expect(keys).toEqual([`${env.prefix}turnos:psychology:api-responses:catalogue`])
    expect(keys.some((k) => k.includes('session-notes'))).toBe(false)
    expect(seen.filter((s) => s === 'session-notes:bypass')).toHaveLength(20)
  })

  it('refuses to write a personal value without its subject, so erasure can always find the key', async () => {
    const platform = await env.platform('barber')
    let loads = 0
    const load = async () => {
      loads += 1
      return { name: 'Ana' }
    }
    // @ts-expect-error: options with subjectId are required by the type
    await expect(platform.cache.wrap('user-profiles', 'ana', load)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'data class "user-profiles" holds personal data: wrap() needs its subjectId',
    })
    await expect(
      platform.cache.wrap('user-profiles', 'ana', load, { subjectId: null }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect(loads).toBe(0)
    expect(await env.keys()).toEqual([])
    // A catalogue response is about no one: null says so.
    expect(await platform.cache.wrap('api-responses', 'feed', async () => [1], { subjectId: null })).toEqual([
      1,
    ])
  })

  it('rejects a data class the vertical does not use', async () => {
    const platform = await env.platform('barber')
    await expect(
      platform.cache.wrap('session-notes', 'x', () => 1, { subjectId: 'x' }),
    ).rejects.toMatchObject({
      code: 'DATA_CLASS_UNKNOWN',
    })
    await expect(platform.cache.wrap('nope', 'x', () => 1, { subjectId: 'x' })).rejects.toMatchObject({
      code: 'DATA_CLASS_UNKNOWN',
    })
  })

  it('runs one loader for concurrent misses of the same key', async () => {
    const platform = await env.platform('barber')
    let calls = 0
    const loader = async () => {
      calls += 1
      await new Promise((r) => setTimeout(r, 50))
      return { calls }
    }
    const values = await Promise.all(
      Array.from({ length: 25 }, () =>
        platform.cache.wrap('api-responses', 'hot', loader, { subjectId: null }),
      ),
    )
    expect(calls).toBe(1)
    expect(new Set(values.map((v) => v.calls))).toEqual(new Set([1]))
  })

  it('shares a loader failure with every waiter, caches nothing, and calls the loader again next time', async () => {
    const platform = await env.platform('barber')
    let calls = 0
    const failing = async () => {
      calls += 1
      await new Promise((r) => setTimeout(r, 20))
      throw new Error('database down')
    }
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        platform.cache.wrap('api-responses', 'flaky', failing, { subjectId: null }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'))
    expect(calls).toBe(1)
    expect(await env.keys()).toEqual([])
    expect(
      await platform.cache.wrap('api-responses', 'flaky', async () => 'recovered', { subjectId: null }),
    ).toBe('recovered')
  })

  it('refuses cached JSON that would pollute a prototype, and reloads instead', async () => {
    const { seen, metrics } = counter()
    const platform = await env.platform('barber', { metrics })
    const key = `${env.prefix}turnos:barber:api-responses:evil`
    for (const payload of [
      '{"__proto__":{"polluted":true}}',
      '{"a":{"constructor":{"prototype":{"polluted":true}}}}',
      '{"\\u005f_proto__":{"polluted":true}}',
    ]) {
      await env.redis.set(key, payload)
      const value = await platform.cache.wrap('api-responses', 'evil', async () => ({ safe: true }), {
        subjectId: null,
      })
      expect(value).toEqual({ safe: true })
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(await env.redis.get(key)).toBe('{"safe":true}')
    }
    expect(seen.filter((s) => s === 'api-responses:error')).toHaveLength(3)
  })

  it('serves but does not cache values larger than cache.maxValueSize', async () => {
    const platform = await env.platform('barber')
    const big = 'x'.repeat(env.config.cache.maxValueSize + 1)
    expect(await platform.cache.wrap('api-responses', 'big', async () => big, { subjectId: null })).toBe(big)
    expect(await env.keys()).toEqual([])
  })

  it('indexes keys by subject so they can be removed together', async () => {
    const platform = await env.platform('barber')
    await platform.cache.wrap('user-profiles', 'ana', async () => ({ n: 1 }), { subjectId: 'ana' })
    await platform.cache.wrap('api-responses', 'ana-feed', async () => [1], { subjectId: 'ana' })
    expect(await platform.cache.invalidateSubject('ana')).toBe(2)
    expect(await env.keys()).toEqual([])
  })
})

// The tests of failing open and of timeouts name their cache.timeout: the example's own (env.config,
// 50 ms) or one they resolve; env.platform() alone gives a platform the tests' steady 5 s.
describe('cache fails open', () => {
  it('returns loader values when Redis is unreachable, counts errors and opens the breaker', async () => {
    const { seen, metrics } = counter()
    // A client pointed at a closed port: every call fails, like a Redis that is down.
    const dead = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    const platform = await env.platform('barber', { config: env.config, redis: dead, metrics })
    const failures = env.config.cache.circuitBreaker.failures
    for (let i = 0; i < failures + 3; i += 1) {
      expect(
        await platform.cache.wrap('user-profiles', `u${i}`, async () => ({ i }), { subjectId: `u${i}` }),
      ).toEqual({ i })
    }
    expect(seen.filter((s) => s === 'user-profiles:error')).toHaveLength(failures)
    expect(seen.filter((s) => s === 'user-profiles:bypass')).toHaveLength(3)
    expect(platform.cache.breakerState).toBe('open')
    dead.disconnect()
  })

  it('returns loader values within cache.timeout when Redis stops answering mid-run', async () => {
    // A proxy we can freeze stands in for a hung server; the shared Redis is never paused.
    const proxy = await startProxy('127.0.0.1', 6379)
    const client = new Redis({ host: '127.0.0.1', port: proxy.port })
    // 1 s, not 50 ms: the hit through the proxy (relayed by this process) must not fail open on a
    // loaded machine; a frozen proxy is given up on after any timeout, and 1 s keeps the test short.
    const config = resolveText(withCacheTimeout(exampleText(), '1s'))
    const platform = await env.platform('barber', { config, redis: client })
    expect(await platform.cache.wrap('api-responses', 'k', async () => 'first', { subjectId: null })).toBe(
      'first',
    )
    expect(await platform.cache.wrap('api-responses', 'k', async () => 'second', { subjectId: null })).toBe(
      'first',
    )
    proxy.freeze()
    // The proxy stays frozen until thaw(): the loader's value can only come back because the GET and
    // the write gave up after cache.timeout (without the timeout this would hang until the test's own).
    expect(
      await platform.cache.wrap('api-responses', 'k', async () => 'loaded while down', {
        subjectId: null,
      }),
    ).toBe('loaded while down')
    proxy.thaw()
    client.disconnect()
    await proxy.close()
    // Redis kept the value it held all along, and the cache serves it (read directly, not through the
    // proxy, whose relaying in this process a loaded machine can delay past cache.timeout).
    const direct = await env.platform('barber')
    expect(await direct.cache.wrap('api-responses', 'k', async () => 'third', { subjectId: null })).toBe(
      'first',
    )
  })

  it('returns loader values when the connection drops mid-run', async () => {
    const client = new Redis({ ...env.redis.options, enableOfflineQueue: false, retryStrategy: () => null })
    const platform = await env.platform('barber', { config: env.config, redis: client })
    expect(await platform.cache.wrap('api-responses', 'k2', async () => 'cached', { subjectId: null })).toBe(
      'cached',
    )
    client.disconnect()
    expect(await platform.cache.wrap('api-responses', 'k2', async () => 'fresh', { subjectId: null })).toBe(
      'fresh',
    )
  })
})

describe('invalidation and erasure are confirmed, not failed open', () => {
  it('waits past cache.timeout for a Redis that answers late', async () => {
    const proxy = await startProxy('127.0.0.1', 6379)
    const client = new Redis({ host: '127.0.0.1', port: proxy.port })
    try {
      const platform = await env.platform('barber', { config: env.config, redis: client })
      await platform.cache.wrap('user-profiles', 'u1', async () => 'ana', { subjectId: 'ana' })
      proxy.freeze()
      const erased = platform.cache.invalidateSubject('ana')
      // Four times the read path's timeout: a read would have failed open by now.
      await new Promise((resolve) => setTimeout(resolve, env.config.cache.timeout * 1000 * 4))
      proxy.thaw()
      expect(await erased).toBe(1)
      expect(await env.keys()).toEqual([])
    } finally {
      client.disconnect()
      await proxy.close()
    }
  })

  it('refuses with DEPENDENCY_UNAVAILABLE when Redis cannot confirm', async () => {
    const dead = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    })
    const platform = await env.platform('barber', { config: env.config, redis: dead })
    await expect(platform.cache.invalidateSubject('ana')).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
    })
    await expect(platform.cache.invalidate('user-profiles', 'u1')).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
    })
    dead.disconnect()
  })
})
