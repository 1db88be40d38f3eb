import { describe, expect, it } from 'vitest'
import { openConnections } from '../src/index'
import { exampleConfig, PG_URL, REDIS_URL } from './harness'

describe('openConnections', () => {
  it('opens a pool sized by the config and a ready Redis client; close() ends both, once however often called', async () => {
    const config = await exampleConfig()
    const connections = await openConnections({ databaseUrl: PG_URL, redisUrl: REDIS_URL, config })
    expect(connections.pool.options.max).toBe(config.dataStores.postgres.pool.max)
    expect((await connections.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    expect(connections.redis.status).toBe('ready')
    expect(await connections.redis.ping()).toBe('PONG')
    await Promise.all([connections.close(), connections.close()])
    await connections.close()
    expect(connections.pool.ended).toBe(true)
    expect(connections.redis.status).toBe('end')
  })

  it('goes on without Redis after the timeout, logging the outage once, and fails commands at once', async () => {
    const warnings: string[] = []
    const logger = { warn: (_: object, message: string) => void warnings.push(message), error: () => {} }
    const started = Date.now()
    const connections = await openConnections({
      databaseUrl: PG_URL,
      redisUrl: 'redis://127.0.0.1:1',
      config: await exampleConfig(),
      logger,
      redisReadyTimeoutMs: 300,
    })
    try {
      expect(Date.now() - started).toBeLessThan(2000)
      expect(connections.redis.status).not.toBe('ready')
      // No offline queue: a command fails now rather than waiting for a reconnect.
      await expect(connections.redis.get('k')).rejects.toThrow()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(warnings.filter((m) => m.startsWith('redis connection error'))).toHaveLength(1)
    } finally {
      await connections.close()
    }
    // Closed means no more reconnect attempts (which would keep the process alive).
    let attempts = 0
    connections.redis.on('reconnecting', () => attempts++)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(attempts).toBe(0)
  })

  it('refuses an empty database or Redis URL with INVALID_ARGUMENT', async () => {
    const config = await exampleConfig()
    await expect(openConnections({ databaseUrl: PG_URL, redisUrl: '', config })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    await expect(openConnections({ databaseUrl: '', redisUrl: REDIS_URL, config })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })
})
