import { type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import { generatedHeader } from '../../header'
import { sqlIdentifier, sqlString } from '../../text/escape'
import { sharedStoreDir } from '../shared-stores'
import { monitoringRoleOf } from '../terraform/monitoring'

/**
 * The psql variable that carries a member's password: `-v barber_password=...`. Vertical names are DNS
 * labels (assertPathSafe), so the variable is letters, digits and `_`, as psql wants.
 */
export function passwordVariable(vertical: string, of: 'login' | 'monitoring' = 'login'): string {
  const name = vertical.replaceAll('-', '_')
  return of === 'login' ? `${name}_password` : `${name}_monitoring_password`
}

/**
 * `members.sql` of a shared PostgreSQL: for each member, its owner role (tenancyOf) as a login with the
 * password of the member's own credentials secret, and its application role, which the migrations
 * grant but a member's login may not create; then CREATE on the database, so the member's service
 * creates and owns its schema at start-up; and its postgres_exporter's login (pg_monitor only, with the
 * password of the member's monitoring credentials), which a member's login may not create either. Idempotent: run it again after a member joins or a password
 * changes. Role names are quoted; the comments print only vertical and store names (DNS labels).
 */
export function membersSql(platform: ResolvedPlatform, store: string, members: readonly string[]): string {
  const lines = [
    `-- The login roles of the members of the shared PostgreSQL ${store} (${sharedStoreDir(store)}).`,
    '-- The service of each member connects as its owner role, which owns only the schema of that member:',
    '-- it migrates the schema at start-up and is granted nothing in the schemas of the other members.',
    '-- Run this file as the master user after `terraform apply` of this directory and of each member, and',
    '-- again when a member joins, with the passwords of each member (database_password of its',
    '-- <platform>-<vertical>/credentials and of its <platform>-<vertical>/monitoring-credentials secret):',
    `--   psql "$MASTER_URL" -v ON_ERROR_STOP=1 ${members.map((m) => `-v ${passwordVariable(m)}=... -v ${passwordVariable(m, 'monitoring')}=...`).join(' ')} -f members.sql`,
    '',
    '\\set ON_ERROR_STOP on',
    'BEGIN;',
    '-- The lock migration 006 takes on roles: no migration of a member changes them meanwhile.',
    "SELECT pg_advisory_xact_lock(hashtextextended('verticals:roles', 0));",
  ]
  for (const member of members) {
    const { roles } = tenancyOf(platform, member)
    lines.push('', `-- ${member}: its login (the owner role) and its application role`)
    for (const role of [roles.owner, roles.app])
      lines.push(
        `SELECT format('CREATE ROLE %I', ${sqlString(role)}) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sqlString(role)})`,
        '\\gexec',
      )
    const monitor = monitoringRoleOf(platform, member)
    lines.push(
      `ALTER ROLE ${sqlIdentifier(roles.owner)} WITH LOGIN PASSWORD :'${passwordVariable(member)}';`,
      `SELECT format('GRANT CREATE ON DATABASE %I TO %I WITH GRANT OPTION', current_database(), ${sqlString(roles.owner)})`,
      '\\gexec',
      `-- ${member}: its postgres_exporter's login, pg_monitor only (core's monitoring-role migration checks it)`,
      `SELECT format('CREATE ROLE %I', ${sqlString(monitor)}) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sqlString(monitor)})`,
      '\\gexec',
      `ALTER ROLE ${sqlIdentifier(monitor)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'${passwordVariable(member, 'monitoring')}';`,
      `GRANT pg_monitor TO ${sqlIdentifier(monitor)};`,
    )
  }
  lines.push('COMMIT;', '')
  return generatedHeader('sql') + lines.join('\n')
}
