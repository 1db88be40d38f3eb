import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import pg from 'pg'
import { parseDocument } from 'yaml'
import { TEST_SERVICES } from '../../../scripts/test-services.mjs'
import { type App, type AppOptions, createApp } from '../src/app'
import { type Settings, settingsFromEnv } from '../src/settings'

/**
 * The deployment contract's variables as the generated Deployment sets them, pointed at this
 * machine's PostgreSQL and Redis (the test services) and a free port.
 */
export function contractEnv(): Record<string, string> {
  return {
    VERTICALS_CONFIG: fileURLToPath(new URL('../platform.yaml', import.meta.url)),
    VERTICALS_VERTICAL: 'barber',
    VERTICALS_WORKLOAD: 'api',
    VERTICALS_PORT: '0',
    VERTICALS_DATABASE_URL: TEST_SERVICES.pg,
    VERTICALS_REDIS_URL: TEST_SERVICES.redis,
  }
}

/** One isolated run: its own PostgreSQL schema and Redis key prefix, both removed by `cleanup`. */
export interface Isolation {
  readonly schema: string
  readonly redisPrefix: string
  readonly settings: Settings
  cleanup(): Promise<void>
}

// The example's cache.timeout (50 ms) is a production budget for a dedicated ElastiCache. On a test
// machine running two suites at once a Redis call on the shared test Redis can stall past it, the cache
// fails open and a test of what the cache holds sees a reload. The in-process tests run with a timeout
// no stall reaches; a Redis that is down still fails at once (no offline queue), and failing open is
// tested on purpose in degraded.int.test.ts and in core.
const TEST_CACHE_TIMEOUT = '5s'

/** A copy of the example's platform.yaml with the test cache timeout, in a new temp directory. */
function testConfig(): { path: string; remove(): void } {
  const source = fileURLToPath(new URL('../platform.yaml', import.meta.url))
  const doc = parseDocument(readFileSync(source, 'utf8'))
  doc.setIn(['cache', 'timeout'], TEST_CACHE_TIMEOUT)
  const dir = mkdtempSync(join(tmpdir(), 'barber-test-config-'))
  const path = join(dir, 'platform.yaml')
  writeFileSync(path, doc.toString())
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A fresh schema name and key prefix on the test PostgreSQL and Redis. */
export function isolation(): Isolation {
  const suffix = randomBytes(5).toString('hex')
  const schema = `barber_test_${suffix}`
  const redisPrefix = `barber-test:${suffix}:`
  const config = testConfig()
  const settings: Settings = {
    ...settingsFromEnv(contractEnv()),
    configPath: config.path,
    host: '127.0.0.1',
    schema,
    redisPrefix,
    drainTimeoutMs: 5000,
  }
  return {
    schema,
    redisPrefix,
    settings,
    async cleanup() {
      config.remove()
      const client = new pg.Client({ connectionString: settings.databaseUrl })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
      const redis = new Redis(settings.redisUrl)
      const keys = await redis.keys(`${redisPrefix}*`)
      if (keys.length > 0) await redis.del(...keys)
      await redis.quit()
    },
  }
}

const silent = { write: () => undefined }

/** Starts the service in-process on a free port; `stop` closes it and drops its data. */
export async function startApp(
  options: AppOptions = {},
): Promise<{ app: App; url: string; stop(): Promise<void>; iso: Isolation }> {
  const iso = isolation()
  const app = await createApp(iso.settings, { logDestination: silent, ...options })
  return {
    app,
    iso,
    url: `http://127.0.0.1:${app.port}`,
    async stop() {
      await app.close()
      await iso.cleanup()
    },
  }
}

/** Sends a JSON request and returns the status and parsed body. */
export async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert on them
): Promise<{ status: number; body: any }> {
  const init: RequestInit = { method }
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' }
    init.body = typeof body === 'string' ? body : JSON.stringify(body)
  }
  const res = await fetch(`${url}${path}`, init)
  const text = await res.text()
  return { status: res.status, body: text === '' ? {} : JSON.parse(text) }
}

/** The value of one sample in a Prometheus text exposition, or 0 when absent. */
export function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const line = metrics
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    )
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1))
}

/** The date `days` from today (UTC) as YYYY-MM-DD: bookings must start in the future. */
export function futureDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}
