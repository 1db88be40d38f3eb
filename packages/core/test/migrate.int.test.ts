import { PlatformError } from '@verticals/config-schema'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../src/index'
import { migrate } from '../src/migrations/migrate'
import { createEnv, type Env, PG_URL } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
})
afterEach(async () => {
  await env.cleanup()
})

describe('migrate', () => {
  it('creates every table once, even when ten callers race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => migrate(env.pool, env.schema)))
    const applied = results.flatMap((r) => r.applied)
    expect(applied).toEqual(MIGRATIONS.map((m) => m.name))
    const { rows } = await env.pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [env.schema],
    )
    expect(rows.map((r) => r.table_name)).toEqual([
      'audit_chains',
      'audit_checkpoints',
      'audit_entries',
      'breaches',
      'consent_events',
      'consent_state',
      'dsr_requests',
      'erasure_requests',
      'legal_holds',
      'personal_records',
      'retention_runs',
      'schema_migrations',
      'subject_restrictions',
    ])
    const again = await migrate(env.pool, env.schema)
    expect(again).toEqual({ applied: [], unchanged: MIGRATIONS.map((m) => m.name) })
  })

  // Roles, memberships and GRANT ... ON DATABASE are catalog rows every schema's migration touches;
  // unserialized, concurrent migrations of different schemas failed with 'tuple concurrently updated'.
  it('migrates several schemas at once (test files and verticals do), each completely', async () => {
    const others = await Promise.all(Array.from({ length: 5 }, () => createEnv()))
    try {
      const results = await Promise.all([env, ...others].map((e) => migrate(e.pool, e.schema)))
      for (const result of results) expect(result.applied).toEqual(MIGRATIONS.map((m) => m.name))
    } finally {
      await Promise.all(others.map((e) => e.cleanup()))
    }
  })

  it('refuses to run when an applied migration changed', async () => {
    await migrate(env.pool, env.schema)
    const changed = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m))
    const error = await migrate(env.pool, env.schema, changed).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlatformError)
    expect((error as PlatformError).code).toBe('INTEGRITY')
    expect((error as PlatformError).message).toContain(MIGRATIONS[0]?.name)
  })

  it('rejects a schema name that is not a plain identifier', async () => {
    const pool = new pg.Pool({ connectionString: PG_URL, max: 1 })
    await expect(migrate(pool, 'bad"; DROP TABLE x; --')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await pool.end()
  })
})
