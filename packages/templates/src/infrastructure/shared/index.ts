import { type ResolvedPlatform, type SharedStore, sharedStores } from '@verticals/config-schema'
import { type Artifact, PLATFORM_DIR } from '../../artifact'
import { generatedHeader } from '../../header'
import type { TextEngine } from '../../text/engine'
import { sharedCacheAuthSecretName, sharedStoreDir, sharedStorePrefix } from '../shared-stores'
import { alarmsView } from '../terraform/alarms'
import { redisStoreView } from '../terraform/cache'
import { postgresStoreView } from '../terraform/database'
import { sharedModuleView } from '../terraform/module'
import { cacheUsersView } from '../terraform/monitoring'
import { topicsView } from '../terraform/notifications'
import { credentialsSecretName, PASSWORD_LENGTH, RECOVERY_WINDOW_DAYS } from '../terraform/secrets'
import { membersSql } from './members-sql'

/**
 * Files of a shared store's root module and the template each is rendered from: the data-store files
 * are the vertical modules' own templates (the same hardening, alarms and DR replica), the rest are the
 * store's (`infrastructure/shared/<file>.hbs`).
 */
const FILES: readonly (readonly [file: string, template: string])[] = [
  ['versions.tf', 'infrastructure/terraform/versions.tf'],
  ['providers.tf', 'infrastructure/terraform/providers.tf'],
  ['variables.tf', 'infrastructure/shared/variables.tf'],
  ['security-groups.tf', 'infrastructure/shared/security-groups.tf'],
  ['database.tf', 'infrastructure/terraform/database.tf'],
  ['cache.tf', 'infrastructure/terraform/cache.tf'],
  ['cache-users.tf', 'infrastructure/terraform/cache-users.tf'],
  ['secrets.tf', 'infrastructure/shared/secrets.tf'],
  ['notifications.tf', 'infrastructure/terraform/notifications.tf'],
  ['alarms.tf', 'infrastructure/terraform/alarms.tf'],
  ['outputs.tf', 'infrastructure/shared/outputs.tf'],
]

/** The data the templates of a shared store's module receive; documented for users who override one. */
export function sharedStoreView(platform: ResolvedPlatform, store: SharedStore) {
  const prefix = sharedStorePrefix(platform, store.name)
  const { network } = platform.security
  const { displayName } = platform.metadata
  const pg = store.postgres
  const redis = store.redis
  // Sharing a PostgreSQL across the special-category line is refused by validation (SHARED_STORE_FORBIDDEN).
  const special = pg?.members.some((m) => (platform.verticals[m]?.specialCategories.length ?? 0) > 0) ?? false
  const members = [...new Set([...(pg?.members ?? []), ...(redis?.members ?? [])])]
  const database = pg
    ? postgresStoreView(platform, {
        prefix,
        settings: pg.settings,
        settingsPath: `dataStores.shared.${store.name}.postgres`,
        specialCategories: special,
        ownSecurityGroup: true,
      })
    : null
  const cache = redis
    ? redisStoreView(platform, {
        prefix,
        settings: redis.settings,
        description: `${displayName} shared ${store.name} cache`,
        ownSecurityGroup: true,
      })
    : null
  const kinds = [...(pg ? ['PostgreSQL master password'] : []), ...(redis ? ['Redis AUTH token'] : [])]
  const group = (kind: 'PostgreSQL' | 'Redis', name: string, of: readonly string[], port: number) => ({
    name,
    description: `${kind} of the shared store ${store.name}, reached by its members only: ${of.join(', ')}`,
    members: of,
    port,
  })
  return {
    module: sharedModuleView(platform, store.name),
    edge: null,
    store: { name: store.name, members },
    database,
    cache,
    // The RBAC users of its Redis: the services' `default` and the exporter's (cache-users.tf).
    monitoring: cacheUsersView(prefix),
    alarms: alarmsView(platform, pg?.settings),
    notifications: topicsView(platform, prefix),
    secrets: {
      kmsDescription: `${prefix} secrets (master credentials of the shared store)`,
      credentialsName: credentialsSecretName(prefix),
      credentialsDescription: `Generated once: ${kinds.join(', ')}`,
      cacheAuthName: sharedCacheAuthSecretName(platform, store.name),
      passwordLength: PASSWORD_LENGTH,
      recoveryWindowDays: RECOVERY_WINDOW_DAYS,
    },
    securityGroups: {
      database:
        database && pg ? group('PostgreSQL', database.identifier, pg.members, network.postgresPort) : null,
      cache: cache && redis ? group('Redis', cache.groupId, redis.members, network.redisPort) : null,
    },
  }
}

/**
 * The platform part of each shared store with an enabled member, created once whatever its members:
 * `platform/infrastructure/shared/<store>/`, a Terraform root module with the store's RDS and/or
 * ElastiCache, its secrets, security groups, alarm topics and alarms, and, for PostgreSQL, the
 * members.sql that gives each member its login role.
 */
export function sharedStoreArtifacts(platform: ResolvedPlatform, text: TextEngine): Artifact[] {
  return sharedStores(platform).flatMap((store) => {
    const view = sharedStoreView(platform, store)
    const dir = sharedStoreDir(store.name)
    const present: Record<string, boolean> = {
      'database.tf': view.database !== null,
      'cache.tf': view.cache !== null,
      'cache-users.tf': view.cache !== null,
    }
    const terraform: Artifact[] = FILES.filter(([file]) => present[file] ?? true).map(([file, template]) => ({
      path: `${dir}/${file}`,
      kind: 'terraform',
      vertical: PLATFORM_DIR,
      content: generatedHeader('hash') + text.render(template, view),
    }))
    if (store.postgres === null) return terraform
    return [
      ...terraform,
      {
        path: `${dir}/members.sql`,
        kind: 'sql-migration',
        vertical: PLATFORM_DIR,
        content: membersSql(platform, store.name, store.postgres.members),
      },
    ]
  })
}
