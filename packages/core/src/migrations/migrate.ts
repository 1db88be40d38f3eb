import { PlatformError } from '@verticals/config-schema'
import { quoteSchema } from '../sql'
import type { Db, DbClient } from '../timed-queries'
import { checksum } from './checksum'
import { DEFAULT_ROLES, type PostgresRoles, roleSettings } from './roles'
import { MIGRATIONS, type Migration } from './sql.generated'

/** What a migrate() call did. */
export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[]
  /** Migrations that were already applied (checksums verified). */
  unchanged: string[]
}

/**
 * Applies pending migrations into `schema` in one transaction under an advisory lock, so concurrent
 * callers (several replicas starting together) apply each migration exactly once. Refuses to run when
 * an applied migration's SQL has changed since: that database no longer matches the code. With every
 * migration applied it only reads `schema_migrations`, so the application role (which may not create
 * anything) can call it at start-up; a pending migration then needs the owner role (MIGRATION_PENDING).
 */
export async function migrate(
  pool: Db,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
  roles: PostgresRoles = DEFAULT_ROLES,
): Promise<MigrateResult> {
  const quoted = quoteSchema(schema)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `verticals:migrate:${schema}`,
    ])
    const exists = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
      `${quoted}.schema_migrations`,
    ])
    const done = new Map<string, string>()
    if (exists.rows[0]?.found === true) {
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT name, checksum FROM ${quoted}.schema_migrations`,
      )
      for (const r of rows) done.set(r.name, r.checksum)
    }
    const result: MigrateResult = { applied: [], unchanged: [] }
    const pending: Migration[] = []
    for (const migration of migrations) {
      const applied = done.get(migration.name)
      if (applied === undefined) pending.push(migration)
      else if (applied !== checksum(migration.sql)) throw changed(migration.name, schema)
      else result.unchanged.push(migration.name)
    }
    if (pending.length > 0) await applyPending(client, schema, pending, roles, result)
    await grantCoTenants(client, schema, roles)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

async function applyPending(
  client: DbClient,
  schema: string,
  pending: Migration[],
  roles: PostgresRoles,
  result: MigrateResult,
): Promise<void> {
  const quoted = quoteSchema(schema)
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    // pg_temp last, so the SECURITY DEFINER functions (SET search_path FROM CURRENT) never see temp tables first.
    await client.query(`SET LOCAL search_path TO ${quoted}, pg_temp`)
    for (const [name, value] of roleSettings(roles))
      await client.query('SELECT set_config($1, $2, true)', [name, value])
    for (const migration of pending) {
      await client.query(migration.sql)
      await client.query(`INSERT INTO ${quoted}.schema_migrations (name, checksum) VALUES ($1, $2)`, [
        migration.name,
        checksum(migration.sql),
      ])
      result.applied.push(migration.name)
    }
  } catch (error) {
    // 42501 insufficient_privilege: the application role connected; it may not change the schema.
    if ((error as { code?: string }).code !== '42501') throw error
    throw new PlatformError(
      'MIGRATION_PENDING',
      `schema ${schema} lacks migrations ${pending.map((m) => m.name).join(', ')} and this connection may not apply them`,
      {
        cause: error,
        hint: `Apply the compliance bundle's migrations/*.sql with psql as ${roles.owner} (or a superuser), or call migrate() with the owner's connection; then start the service again.`,
      },
    )
  }
}

/**
 * On a shared store: lets the co-tenants' application roles ask this member to erase (migration 0010),
 * on every call made with the owner's connection, so a member that joined the store after the
 * migration is granted too. The application role's call (it may not grant) leaves that to the owner's.
 */
async function grantCoTenants(client: DbClient, schema: string, roles: PostgresRoles): Promise<void> {
  const coTenants = roles.coTenantApps ?? []
  if (coTenants.length === 0) return
  const quoted = quoteSchema(schema)
  const { rows } = await client.query<{ can: boolean | null }>(
    `SELECT has_function_privilege(to_regprocedure($1), 'EXECUTE') AS can`,
    [`${quoted}.grant_erasure_requests(text[], text)`],
  )
  if (rows[0]?.can !== true) return
  await client.query(`SELECT ${quoted}.grant_erasure_requests($1::text[], $2)`, [
    [...coTenants],
    roles.provision,
  ])
}

function changed(name: string, schema: string): PlatformError {
  return new PlatformError(
    'INTEGRITY',
    `migration ${name} was changed after it was applied to schema ${schema}`,
    {
      hint: 'Never edit an applied migration: add a new one. Restore the original file or migrate a fresh schema.',
    },
  )
}
