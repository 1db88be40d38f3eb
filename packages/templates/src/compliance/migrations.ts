import { PlatformError } from '@verticals/config-schema'
import type { Artifact, SqlMigration } from '../artifact'
import { generatedHeader } from '../header'
import { bundlePath, type ComplianceContext } from './facts'

// Migration names become file names and a comment line, so only plain names are accepted.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/**
 * `migrations/NNN-name.sql`: NNN is the position in the order the runtime applies them (three digits,
 * so files sort in that order); the name loses a numeric prefix of its own (`0001_consent` -> `consent`).
 */
export function migrationFileName(index: number, name: string): string {
  if (!SAFE_NAME.test(name))
    throw new PlatformError('INVALID_ARGUMENT', `migration name ${JSON.stringify(name)} cannot name a file`, {
      hint: 'Migration names are letters, digits, "-" and "_", e.g. 0001_consent.',
    })
  const base =
    name
      .replace(/^\d+[_-]+/, '')
      .replace(/_/g, '-')
      .toLowerCase() || name
  return `${String(index + 1).padStart(3, '0')}-${base}.sql`
}

/** One SQL file per migration of @verticals/core, with the generated header and the runtime's name. */
export function migrationArtifacts(
  { vertical }: Pick<ComplianceContext, 'vertical'>,
  migrations: readonly SqlMigration[],
): Artifact[] {
  const seen = new Set<string>()
  return migrations.map((migration, index) => {
    const file = migrationFileName(index, migration.name)
    if (seen.has(file)) throw new PlatformError('INVALID_ARGUMENT', `two migrations map to ${file}`)
    seen.add(file)
    const note =
      `-- migration ${migration.name} of @verticals/core; platform.migrate() applies the same SQL and records it\n` +
      '-- alike in schema_migrations, so either may run first and either may run again. Apply as the owner\n' +
      '-- role (dataStores.postgres.roles.owner) or a superuser, every file in name order:\n' +
      '--   for f in migrations/*.sql; do psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f "$f" || break; done\n' +
      '-- (add -v schema=NAME for a schema other than the default).\n'
    const sql = migration.sql.endsWith('\n') ? migration.sql : `${migration.sql}\n`
    return {
      path: bundlePath(vertical, 'compliance', `migrations/${file}`),
      kind: 'sql-migration' as const,
      vertical: vertical.name,
      content: `${generatedHeader('sql')}${note}\n${sql}`,
    }
  })
}
