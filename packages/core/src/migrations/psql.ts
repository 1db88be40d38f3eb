import { checksum } from './checksum'
import { type PostgresRoles, roleSettings } from './roles'
import type { Migration } from './sql.generated'

/** The schema createPlatform uses when none is given. */
export const DEFAULT_SCHEMA = 'verticals'

// A dollar-quote tag that no migration uses, so the migration's own text is carried verbatim.
const TAG = '$verticals_migration_sql$'

/**
 * A migration as a file a DBA applies with `psql -v ON_ERROR_STOP=1 -f`: one transaction that takes
 * migrate()'s advisory lock, creates the schema and schema_migrations as migrate() does, and applies the
 * SQL only when schema_migrations has no row of that name, then records it with the same checksum. A
 * row with another checksum fails the file. So the bundle and platform.migrate() may run in any order,
 * each any number of times. `psql -v schema=NAME` picks a schema other than the default.
 */
export function psqlMigration(migration: Migration, roles: PostgresRoles, schema = DEFAULT_SCHEMA): string {
  if (migration.sql.includes(TAG)) throw new Error(`migration ${migration.name} contains ${TAG}`)
  const name = literal(migration.name)
  const sum = literal(checksum(migration.sql))
  return [
    '\\set ON_ERROR_STOP on',
    '\\if :{?schema}',
    '\\else',
    `\\set schema ${schema}`,
    '\\endif',
    'BEGIN;',
    "SELECT pg_advisory_xact_lock(hashtextextended('verticals:migrate:' || :'schema', 0));",
    'CREATE SCHEMA IF NOT EXISTS :"schema";',
    'CREATE TABLE IF NOT EXISTS :"schema".schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());',
    'SET LOCAL search_path TO :"schema", pg_temp;',
    ...roleSettings(roles).map(
      ([key, value]) => `SELECT set_config(${literal(key)}, ${literal(value)}, true);`,
    ),
    'DO $verticals_apply$',
    'DECLARE',
    '  recorded text;',
    'BEGIN',
    `  SELECT checksum INTO recorded FROM schema_migrations WHERE name = ${name};`,
    `  IF recorded = ${sum} THEN`,
    `    RAISE NOTICE 'migration % is already applied', ${name};`,
    '    RETURN;',
    '  ELSIF recorded IS NOT NULL THEN',
    `    RAISE EXCEPTION 'migration % was changed after it was applied to schema %', ${name}, current_schema()`,
    "      USING HINT = 'Never edit an applied migration: add a new one.';",
    '  END IF;',
    `  EXECUTE ${TAG}${migration.sql}${TAG};`,
    `  INSERT INTO schema_migrations (name, checksum) VALUES (${name}, ${sum});`,
    'END',
    '$verticals_apply$;',
    'COMMIT;',
    '',
  ].join('\n')
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}
