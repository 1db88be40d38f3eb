import { createHash } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import type pg from 'pg'
import { quoteSchema } from '../sql'
import { MIGRATIONS, type Migration } from './sql.generated'

/** What a migrate() call did. */
export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[]
  /** Migrations that were already applied (checksums verified). */
  unchanged: string[]
}

/** The sha256 of a migration's SQL, stored when it is applied. */
export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex')
}

/**
 * Applies pending migrations into `schema` in one transaction under an advisory lock, so concurrent
 * callers (several replicas starting together) apply each migration exactly once. Refuses to run when
 * an applied migration's SQL has changed since: that database no longer matches the code.
 */
export async function migrate(
  pool: pg.Pool,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  const quoted = quoteSchema(schema)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `verticals:migrate:${schema}`,
    ])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM ${quoted}.schema_migrations`,
    )
    const done = new Map(rows.map((r) => [r.name, r.checksum]))
    const result: MigrateResult = { applied: [], unchanged: [] }
    for (const migration of migrations) {
      const sum = checksum(migration.sql)
      const applied = done.get(migration.name)
      if (applied !== undefined) {
        if (applied !== sum) {
          throw new PlatformError(
            'INTEGRITY',
            `migration ${migration.name} was changed after it was applied to schema ${schema}`,
            {
              hint: 'Never edit an applied migration: add a new one. Restore the original file or migrate a fresh schema.',
            },
          )
        }
        result.unchanged.push(migration.name)
        continue
      }
      await client.query(`SET LOCAL search_path TO ${quoted}`)
      await client.query(migration.sql)
      await client.query(`INSERT INTO ${quoted}.schema_migrations (name, checksum) VALUES ($1, $2)`, [
        migration.name,
        sum,
      ])
      result.applied.push(migration.name)
    }
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
