import { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { changeDurably } from '../src/cache/durable'
import { createEnv, type Env } from './harness'
import { startProxy } from './proxy'

// changeDurably on a single Redis (no replicas): one acknowledged change is durable. The cluster
// behaviour (WAIT for replicas, retried through a failover) is tested in redis-cluster.int.test.ts.

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

const options = { timeoutMs: 1000, withinMs: 1000 }

describe('changeDurably on a single Redis', () => {
  it('sets a value with a TTL, a value without one, and removes a key', async () => {
    const key = `${env.prefix}durable`
    expect(await changeDurably(env.redis, { key, value: 'r', ttl: 60 }, options)).toBe(true)
    expect(await env.redis.get(key)).toBe('r')
    const ttl = await env.redis.ttl(key)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60)
    expect(await changeDurably(env.redis, { key, value: '1' }, options)).toBe(true)
    expect(await env.redis.ttl(key)).toBe(-1)
    expect(await changeDurably(env.redis, { key, value: null }, options)).toBe(true)
    expect(await env.redis.exists(key)).toBe(0)
    // Removing a key that is not there is durable too: nothing holds it.
    expect(await changeDurably(env.redis, { key, value: null }, options)).toBe(true)
  })

  it('gives up, false, once its bound has passed while Redis does not answer', async () => {
    const proxy = await startProxy('127.0.0.1', 6379)
    const client = new Redis({ host: '127.0.0.1', port: proxy.port })
    try {
      await client.ping()
      proxy.freeze()
      const key = `${env.prefix}frozen`
      expect(await changeDurably(client, { key, value: 'r', ttl: 60 }, { timeoutMs: 5, withinMs: 50 })).toBe(
        false,
      )
    } finally {
      client.disconnect()
      await proxy.close()
    }
  })
})
