import { PlatformError } from '@verticals/config-schema'
import { type Cluster, Redis } from 'ioredis'
import pg from 'pg'
import type { CoreLogger } from './metrics'

/** A Redis client core can use: a single node or a cluster. */
export type RedisClient = Redis | Cluster

/** The PostgreSQL pool and whether core created it (and so must end it on close). */
export interface OwnedPool {
  pool: pg.Pool
  owned: boolean
}

/** The Redis client and whether core created it (and so must quit it on close). */
export interface OwnedRedis {
  redis: RedisClient
  owned: boolean
}

/** Uses the given pool, or opens one from a connection string with `max` connections. */
export function toPool(pgOption: pg.Pool | string, max: number, logger: CoreLogger): OwnedPool {
  if (typeof pgOption !== 'string') return { pool: pgOption, owned: false }
  if (pgOption === '') throw new PlatformError('INVALID_ARGUMENT', 'pg: the connection string is empty')
  const pool = new pg.Pool({ connectionString: pgOption, max, connectionTimeoutMillis: 5000 })
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'postgres idle client error'))
  return { pool, owned: true }
}

/**
 * Uses the given client, or connects to a URL. Owned clients do not queue commands while
 * disconnected: the cache fails open at once instead of waiting for a reconnect.
 */
export function toRedis(redisOption: RedisClient | string, logger: CoreLogger): OwnedRedis {
  if (typeof redisOption !== 'string') return { redis: redisOption, owned: false }
  if (redisOption === '') throw new PlatformError('INVALID_ARGUMENT', 'redis: the URL is empty')
  const redis = new Redis(redisOption, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  let reported = false
  redis.on('error', (error: Error) => {
    if (!reported) logger.warn({ err: error.message }, 'redis connection error; the cache fails open')
    reported = true
  })
  redis.on('ready', () => {
    reported = false
  })
  return { redis, owned: true }
}

/** Waits until an owned client is ready, at most `ms`; the cache copes with a client that is not. */
export async function waitReady(redis: RedisClient, ms: number): Promise<void> {
  if (redis.status === 'ready') return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      redis.off('ready', done)
      resolve()
    }
    redis.once('ready', done)
  })
}
