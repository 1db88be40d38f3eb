import { fileURLToPath } from 'node:url'
import { PlatformError } from '@verticals/config-schema'

/** How one process of the service runs: where it listens and what it connects to. */
export interface Settings {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number
  readonly host: string
  readonly databaseUrl: string
  readonly redisUrl: string
  /** Path of platform.yaml. */
  readonly configPath: string
  /** PostgreSQL schema of the platform tables and of the app's own tables. */
  readonly schema: string
  /** Prepended to every Redis key, so runs can share a Redis. */
  readonly redisPrefix: string
  /** Milliseconds SIGTERM waits for in-flight requests before closing their connections. */
  readonly drainTimeoutMs: number
}

const CONFIG_PATH = fileURLToPath(new URL('../platform.yaml', import.meta.url))

/** Reads the settings from the environment; the defaults reach this machine's PostgreSQL and Redis. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    port: integer(env.PORT, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    configPath: env.PLATFORM_CONFIG ?? CONFIG_PATH,
    schema: env.DB_SCHEMA ?? 'barber',
    redisPrefix: env.REDIS_PREFIX ?? '',
    drainTimeoutMs: integer(env.DRAIN_TIMEOUT_MS, 'DRAIN_TIMEOUT_MS', 10_000),
  }
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new PlatformError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got "${value}"`)
  }
  return parsed
}
