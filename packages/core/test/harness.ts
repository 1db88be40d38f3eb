import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, type ResolvedPlatform } from '@verticals/config-schema'
import { Redis } from 'ioredis'
import pg from 'pg'
import { TEST_SERVICES } from '../../../scripts/test-services.mjs'
import { loadPlatformConfig } from '../src/load-config'
import { createPlatform, type Platform, type PlatformOptions } from '../src/platform'

// Integration tests run against the machine's PostgreSQL and Redis; each test gets its own schema
// and key prefix (random suffix) and removes them afterwards, so tests run in parallel safely.

// VERTICALS_TEST_PG and VERTICALS_TEST_REDIS override them, for every package's tests alike.
export const PG_URL = TEST_SERVICES.pg
export const REDIS_URL = TEST_SERVICES.redis
const EXAMPLE = fileURLToPath(
  new URL('../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)

/** The text of the example config, for tests that resolve a variant of it. */
export const exampleText = (): string => readFileSync(EXAMPLE, 'utf8')

let config: Promise<ResolvedPlatform> | undefined
let steady: ResolvedPlatform | undefined

// The example's cache.timeout (50 ms) is a production budget for a dedicated Redis. On a test machine
// running two suites at once a call to the shared test Redis now and then stalls past it; the cache
// then fails open (a value it failed to write is loaded again, a cached consent decision is read from
// PostgreSQL) and a test of what the cache holds sees a miss. Platforms of env.platform() get a
// timeout no stall reaches, unless a test passes its own `config` (env.config keeps the example's
// 50 ms for the tests of failing open and of timeouts).
const STEADY_CACHE_TIMEOUT = '5s'

/** `text`, the example config or a variant of it, with the tests' steady cache timeout. */
export function withSteadyCacheTimeout(text: string): string {
  return withCacheTimeout(text, STEADY_CACHE_TIMEOUT)
}

/** `text`, the example config or a variant of it, with `cache.timeout` set to `timeout` (e.g. `1s`). */
export function withCacheTimeout(text: string, timeout: string): string {
  const changed = text.replace(/^ {2}timeout: 50ms\b.*$/m, `  timeout: ${timeout}`)
  if (changed === text) throw new Error('the example config no longer sets cache.timeout: 50ms')
  return changed
}

/** Resolves `text` (a variant of the example) or throws with its diagnostics. */
export function resolveText(text: string): ResolvedPlatform {
  const result = parse(text, 'platform.yaml')
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  return result.platform
}

/** The resolved example config (read once per test file). */
export function exampleConfig(): Promise<ResolvedPlatform> {
  config ??= loadPlatformConfig(EXAMPLE)
  return config
}

/** A test environment: its pool, Redis client, schema, prefix, and the platforms it created. */
export interface Env {
  pool: pg.Pool
  redis: Redis
  schema: string
  prefix: string
  config: ResolvedPlatform
  /**
   * Creates (and migrates) a platform in this environment's schema and prefix; without `config`, of
   * the example with a cache timeout of 5 s instead of 50 ms (see STEADY_CACHE_TIMEOUT).
   */
  platform(vertical: string, options?: Partial<PlatformOptions>): Promise<Platform>
  /** Every Redis key under this environment's prefix (SCAN, never KEYS). */
  keys(): Promise<string[]>
  cleanup(): Promise<void>
}

/** Sets up an isolated schema and key prefix on the shared servers. */
export async function createEnv(options: { poolSize?: number } = {}): Promise<Env> {
  const suffix = randomBytes(5).toString('hex')
  const schema = `vx_test_${suffix}`
  const prefix = `vx-test-${suffix}:`
  const pool = new pg.Pool({ connectionString: PG_URL, max: options.poolSize ?? 4 })
  const redis = new Redis(REDIS_URL)
  const platforms: Platform[] = []
  const cfg = await exampleConfig()
  const keys = async () => {
    const found: string[] = []
    let cursor = '0'
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      found.push(...batch)
      cursor = next
    } while (cursor !== '0')
    return found
  }
  return {
    pool,
    redis,
    schema,
    prefix,
    config: cfg,
    keys,
    async platform(vertical, options = {}) {
      steady ??= resolveText(withSteadyCacheTimeout(exampleText()))
      const platform = await createPlatform({
        config: steady,
        vertical,
        pg: pool,
        redis,
        schema,
        keyPrefix: prefix,
        ...options,
      })
      platforms.push(platform)
      await platform.migrate()
      return platform
    },
    async cleanup() {
      for (const p of platforms) await p.close()
      const leftovers = await keys()
      if (leftovers.length > 0) await redis.del(...leftovers)
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await pool.end()
      redis.disconnect()
    },
  }
}

/** An identity-verification record for tests that open data-subject requests. */
export const VERIFIED = { method: 'session', verifier: 'test-suite', evidenceRef: 'session-0001' }

/**
 * Drops test roles (and what they own), if present. DROP OWNED revokes the owner's CREATE on the
 * database: the catalog row every migration's GRANT updates, so it takes the lock migration 006 takes
 * (or a migration elsewhere fails with 'tuple concurrently updated').
 */
export async function dropRoles(
  roles: readonly string[],
  extra: (admin: pg.Client) => Promise<void> = async () => {},
): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  try {
    await extra(admin)
    await admin.query('BEGIN')
    await admin.query(`SELECT pg_advisory_xact_lock(hashtextextended('verticals:roles', 0))`)
    for (const role of roles) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])
      if (exists.rowCount === 0) continue
      await admin.query(`DROP OWNED BY ${role}`)
      await admin.query(`DROP ROLE ${role}`)
    }
    await admin.query('COMMIT')
  } catch (error) {
    await admin.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await admin.end()
  }
}
