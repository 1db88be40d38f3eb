// The PostgreSQL roles the migrations set up, and the settings that hand their names to the SQL: the
// migrations are fixed text (their checksums must not depend on the config), so the names travel as
// transaction-local settings that platform.migrate() and the bundle's SQL files both set.

/** The owner and application roles (dataStores.postgres.roles) and whether migrations create them. */
export interface PostgresRoles {
  readonly owner: string
  readonly app: string
  readonly provision: 'create' | 'expect'
}

/** The roles of a config that does not name its own. */
export const DEFAULT_ROLES: PostgresRoles = Object.freeze({
  owner: 'verticals_owner',
  app: 'verticals_app',
  provision: 'create',
})

/** The settings (name, value) migration 0006 reads the role names from. */
export function roleSettings(roles: PostgresRoles): [string, string][] {
  return [
    ['verticals.owner_role', roles.owner],
    ['verticals.app_role', roles.app],
    ['verticals.provision_roles', roles.provision],
  ]
}
