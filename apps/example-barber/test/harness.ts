import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import pg from 'pg'
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

/** A fresh schema name and key prefix on the test PostgreSQL and Redis. */
export function isolation(): Isolation {
  const suffix = randomBytes(5).toString('hex')
  const schema = `barber_test_${suffix}`
  const redisPrefix = `barber-test:${suffix}:`
  const settings: Settings = {
    ...settingsFromEnv(contractEnv()),
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
