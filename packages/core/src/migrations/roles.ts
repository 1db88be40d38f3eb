// The PostgreSQL roles the migrations set up, and the settings that hand their names to the SQL: the
// migrations are fixed text (their checksums must not depend on the config), so the names travel as
// transaction-local settings that platform.migrate() and the bundle's SQL files both set.

/** The owner and application roles (dataStores.postgres.roles) and whether migrations create them. */
export interface PostgresRoles {
  readonly owner: string
  readonly app: string
  readonly provision: 'create' | 'expect'
  /**
   * The login of postgres_exporter, granted pg_monitor only (migration 0010); default
   * `verticals_monitor`, MONITORING_ROLE of the deployment contract, whose URL the bundle's runtime
   * secret carries under the exporters' own key.
   */
  readonly monitor?: string
}

/** The roles of a config that does not name its own. */
export const DEFAULT_ROLES = Object.freeze({
  owner: 'verticals_owner',
  app: 'verticals_app',
  provision: 'create',
  monitor: 'verticals_monitor',
} as const satisfies Required<PostgresRoles>)

/** The settings (name, value) migrations 0006 and 0010 read the role names from. */
export function roleSettings(roles: PostgresRoles): [string, string][] {
  return [
    ['verticals.owner_role', roles.owner],
    ['verticals.app_role', roles.app],
    ['verticals.provision_roles', roles.provision],
    ['verticals.monitor_role', roles.monitor ?? DEFAULT_ROLES.monitor],
  ]
}
