import { readFileSync } from 'node:fs'
import { PlatformError, type ResolvedPlatform, redisOf } from '@verticals/config-schema'
import { Cluster, Redis, type RedisOptions } from 'ioredis'
import pg from 'pg'
import { type CoreLogger, silentLogger } from './metrics'

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
  return { pool: openPool(pgOption, max, logger), owned: true }
}

function openPool(connectionString: string, max: number, logger: CoreLogger): pg.Pool {
  if (connectionString === '')
    throw new PlatformError('INVALID_ARGUMENT', 'pg: the connection string is empty')
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5000 })
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'postgres idle client error'))
  return pool
}

/**
 * Uses the given client, or connects to a URL: a Redis Cluster client when the config declares
 * `dataStores.redis.cluster` (the URL is then the cluster's configuration endpoint), else a single-node client.
 */
export function toRedis(
  redisOption: RedisClient | string,
  logger: CoreLogger,
  config: ResolvedPlatform,
  vertical?: string,
): OwnedRedis {
  if (typeof redisOption !== 'string') return { redis: redisOption, owned: false }
  return { redis: connectRedis(redisOption, logger, config, vertical), owned: true }
}

/** Whether the vertical's Redis (its shared store's, or the default) is a cluster. */
function clustered(config: ResolvedPlatform, vertical: string | undefined): boolean {
  const settings = vertical === undefined ? config.dataStores.redis : redisOf(config, vertical).settings
  return settings.cluster !== undefined
}

// Clients core opens do not queue commands while disconnected: the cache fails open at once instead
// of waiting for a reconnect. A connection error is logged once per outage, not per retry.
function connectRedis(
  url: string,
  logger: CoreLogger,
  config: ResolvedPlatform,
  vertical?: string,
): RedisClient {
  if (url === '') throw new PlatformError('INVALID_ARGUMENT', 'redis: the URL is empty')
  const { url: plain, tls } = redisTls(url)
  const redis = clustered(config, vertical)
    ? connectCluster(plain, tls)
    : new Redis(plain, { enableOfflineQueue: false, maxRetriesPerRequest: 1, ...(tls && { tls }) })
  let reported = false
  redis.on('error', (error: Error) => {
    if (!reported) logger.warn({ err: error.message }, 'redis connection error; the cache fails open')
    reported = true
  })
  redis.on('ready', () => {
    reported = false
  })
  return redis
}

/**
 * A `rediss://` URL may name the CA that signed the server's certificate, as libpq's `sslrootcert`
 * does for PostgreSQL: `rediss://:token@host:6379?sslrootcert=/etc/ssl/certs/ca.pem`. The parameter is
 * read here and removed; without it Node's default CAs verify the server (ElastiCache's certificates
 * are publicly trusted). The server's certificate is always verified.
 */
export function redisTls(url: string): { url: string; tls: RedisOptions['tls'] | undefined } {
  if (!url.startsWith('rediss://')) return { url, tls: undefined }
  const parsed = new URL(url)
  const caPath = parsed.searchParams.get('sslrootcert')
  if (caPath === null) return { url, tls: undefined }
  parsed.searchParams.delete('sslrootcert')
  let ca: Buffer
  try {
    ca = readFileSync(caPath)
  } catch (error) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `redis: cannot read sslrootcert ${caPath}: ${(error as Error).message}`,
      {
        cause: error,
      },
    )
  }
  return { url: parsed.toString(), tls: { ca } }
}

/**
 * A cluster client seeded with the configuration endpoint; it discovers the shards itself. With TLS
 * (`rediss://`) node addresses are used as given, because the certificates name the endpoint's host
 * names, not the IP addresses a DNS lookup would turn them into; `ca` is what `sslrootcert` named.
 */
function connectCluster(url: string, ca: RedisOptions['tls'] | undefined): Cluster {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PlatformError('INVALID_ARGUMENT', 'redis: the cluster URL is not a URL', {
      hint: 'Use redis://host:port or rediss://user:password@host:port (the configuration endpoint).',
    })
  }
  const tls = parsed.protocol === 'rediss:'
  if (!tls && parsed.protocol !== 'redis:') {
    throw new PlatformError('INVALID_ARGUMENT', `redis: unsupported protocol ${parsed.protocol}`, {
      hint: 'Use redis:// or rediss://.',
    })
  }
  const host = parsed.hostname
  return new Cluster([{ host, port: Number(parsed.port || 6379) }], {
    enableOfflineQueue: false,
    ...(tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
    redisOptions: {
      maxRetriesPerRequest: 1,
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(tls ? { tls: { servername: host, ...ca } } : {}),
    },
  })
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

/** Options of openConnections. */
export interface OpenConnectionsOptions {
  /** PostgreSQL connection string. */
  databaseUrl: string
  /** Redis URL: a cluster's configuration endpoint when the config declares `dataStores.redis.cluster`. */
  redisUrl: string
  /** The resolved platform.yaml: `dataStores.postgres.pool.max` sizes the pool. */
  config: ResolvedPlatform
  /** The vertical the connections serve: its Redis store (shared or not) decides cluster or single node. */
  vertical?: string
  logger?: CoreLogger
  /** How long to wait for Redis before going on without it (default 1000 ms); the cache fails open meanwhile. */
  redisReadyTimeoutMs?: number
}

/** A PostgreSQL pool and a Redis client that the application owns and closes. */
export interface Connections {
  readonly pool: pg.Pool
  /** A Redis Cluster client when the config declares `dataStores.redis.cluster`, else a single-node client. */
  readonly redis: RedisClient
  /** Ends the pool and quits Redis; calling it again returns the same promise. */
  close(): Promise<void>
}

/**
 * Opens the pool and the Redis client the way createPlatform opens its own (pool sized by the config,
 * idle-client errors logged, no Redis offline queue), for a service that also uses them itself, e.g.
 * for its own tables or a readiness PING. Pass both to createPlatform; close them after it.
 */
export async function openConnections(options: OpenConnectionsOptions): Promise<Connections> {
  const logger = options.logger ?? silentLogger
  const pool = openPool(options.databaseUrl, options.config.dataStores.postgres.pool.max, logger)
  let redis: RedisClient
  try {
    redis = connectRedis(options.redisUrl, logger, options.config, options.vertical)
  } catch (error) {
    await pool.end()
    throw error
  }
  await waitReady(redis, options.redisReadyTimeoutMs ?? 1000)
  let closing: Promise<void> | undefined
  const close = async () => {
    await pool.end()
    if (redis.status !== 'ready') {
      redis.disconnect() // not connected: stop the reconnect timer, nothing to say goodbye to
      return
    }
    // quit() resolves on the server's OK; "closed" means the socket is gone too.
    const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()))
    await redis.quit().catch(() => redis.disconnect())
    await ended
  }
  return {
    pool,
    redis,
    // Shutdown paths often run twice (a signal during a failed start, say); the second call waits for the first.
    close: () => {
      closing ??= close()
      return closing
    },
  }
}
