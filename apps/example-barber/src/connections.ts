import type { ResolvedPlatform } from '@verticals/config-schema'
import { Redis } from 'ioredis'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Settings } from './settings'

/** The service's PostgreSQL pool and Redis client; core uses them, the app owns and closes them. */
export interface Connections {
  readonly pool: pg.Pool
  /** Owned here so /ready can PING it: the cache fails open and never reports Redis down. */
  readonly redis: Redis
  close(): Promise<void>
}

/** Opens the pool (sized by dataStores.postgres.pool.max) and the Redis client (ready within 1 s or failing open). */
export async function openConnections(
  settings: Settings,
  config: ResolvedPlatform,
  logger: Logger,
): Promise<Connections> {
  const pool = new pg.Pool({
    connectionString: settings.databaseUrl,
    max: config.dataStores.postgres.pool.max,
  })
  pool.on('error', (error) => logger.warn({ err: error.message }, 'postgres idle client error'))
  // No offline queue: while Redis is away, cache reads fail at once (and fall through) instead of waiting.
  const redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'))
  await readyWithin(redis, 1000)
  return {
    pool,
    redis,
    async close() {
      await pool.end()
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}

function readyWithin(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      redis.off('ready', done)
      resolve()
    }
    redis.once('ready', done)
  })
}
