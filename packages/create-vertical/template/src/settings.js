import { fileURLToPath } from 'node:url'

/**
 * How one process runs, from the environment. The defaults reach a PostgreSQL and a Redis on this
 * machine, as the CI workflow provides them.
 * @param {NodeJS.ProcessEnv} env
 */
export function settingsFromEnv(env = process.env) {
  const schema = env.DB_SCHEMA ?? 'service'
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`DB_SCHEMA "${schema}" is not a plain identifier`)
  return {
    port: integer(env.PORT, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    configPath: env.PLATFORM_CONFIG ?? fileURLToPath(new URL('../platform.yaml', import.meta.url)),
    schema,
    redisPrefix: env.REDIS_PREFIX ?? '',
    drainTimeoutMs: integer(env.DRAIN_TIMEOUT_MS, 'DRAIN_TIMEOUT_MS', 10_000),
  }
}

function integer(value, name, fallback) {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`)
  return parsed
}
