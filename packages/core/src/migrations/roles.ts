// The PostgreSQL roles the migrations set up, and the settings that hand their names to the SQL: the
// migrations are fixed text (their checksums must not depend on the config), so the names travel as
// transaction-local settings that platform.migrate() and the bundle's SQL files both set.

/** The owner and application roles (dataStores.postgres.roles) and whether migrations create them. */
export interface PostgresRoles {
  readonly owner: string
  readonly app: string
  readonly provision: 'create' | 'expect'
  /**
   * On a shared PostgreSQL store: the application roles of the co-tenants that erase platform-wide
   * with this member, which may ask it to erase a subject (request_erasure, migration 0010) and nothing else.
   */
  readonly coTenantApps?: readonly string[]
  /**
   * The login of postgres_exporter, granted pg_monitor only (migration 0011); default
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
} as const satisfies Required<Omit<PostgresRoles, 'coTenantApps'>>)

/** The settings (name, value) migrations 0006, 0010 and 0011 read the role names from. */
export function roleSettings(roles: PostgresRoles): [string, string][] {
  const settings: [string, string][] = [
    ['verticals.owner_role', roles.owner],
    ['verticals.app_role', roles.app],
    ['verticals.provision_roles', roles.provision],
    ['verticals.monitor_role', roles.monitor ?? DEFAULT_ROLES.monitor],
  ]
  // Only on a shared store, so the bundle files of every other schema stay as they were.
  const coTenants = roles.coTenantApps ?? []
  if (coTenants.length > 0) settings.push(['verticals.cotenant_app_roles', coTenants.join(',')])
  return settings
}
