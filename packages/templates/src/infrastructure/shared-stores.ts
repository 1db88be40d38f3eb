// The names both sides of a shared data store (dataStores.shared) use: the platform part that creates
// the store once, `platform/infrastructure/shared/<store>/`, and each member's Terraform, which reads it
// by these names. One module, so a rename on one side cannot leave the other looking for the old name.
import { postgresOf, type ResolvedPlatform, redisOf, tenancyOf } from '@verticals/config-schema'
import { PLATFORM_DIR } from '../artifact'
import type { Vertical } from './names'
import { resourcePrefix } from './names'

/** `<platform>-shared-<store>`: the prefix of every cloud resource name of a shared store. */
export function sharedStorePrefix(platform: ResolvedPlatform, store: string): string {
  return `${platform.metadata.name}-shared-${store}`
}

/** The directory of a shared store's Terraform root module in the bundle. */
export function sharedStoreDir(store: string): string {
  return `${PLATFORM_DIR}/infrastructure/shared/${store}`
}

/** The RDS identifier of a store's PostgreSQL, dedicated or shared. */
export const postgresIdentifier = (prefix: string) => `${prefix}-postgres`

/** The ElastiCache replication group id of a store's Redis, dedicated or shared. */
export const redisGroupId = (prefix: string) => `${prefix}-redis`

/**
 * The Secrets Manager secret of a shared Redis's AUTH token, the one secret of the store its members
 * read (their runtime URL carries it). The master password of a shared PostgreSQL stays in the
 * store's own `<prefix>/credentials`, which no member reads.
 */
export const sharedCacheAuthSecretName = (platform: ResolvedPlatform, store: string) =>
  `${sharedStorePrefix(platform, store)}/cache-auth`

/**
 * The PostgreSQL login a member of a shared store connects as: its owner role (tenancyOf), made able
 * to log in by the store's members.sql. It owns only its own schema, so it migrates that schema at
 * start-up and reaches no other member's tables.
 */
export function memberLogin(platform: ResolvedPlatform, vertical: string): string {
  return tenancyOf(platform, vertical).roles.owner
}

/** The cloud-resource prefix of the store that holds a vertical's PostgreSQL (its own or a shared one). */
export function postgresPrefixOf(platform: ResolvedPlatform, vertical: Vertical): string {
  const { shared } = postgresOf(platform, vertical.name)
  return shared === null ? resourcePrefix(platform, vertical) : sharedStorePrefix(platform, shared)
}

/** The cloud-resource prefix of the store that holds a vertical's Redis (its own or a shared one). */
export function redisPrefixOf(platform: ResolvedPlatform, vertical: Vertical): string {
  const { shared } = redisOf(platform, vertical.name)
  return shared === null ? resourcePrefix(platform, vertical) : sharedStorePrefix(platform, shared)
}

/** The bundle path of the Terraform file that creates a vertical's PostgreSQL (database.tf) or Redis (cache.tf). */
export function storeTerraformFile(
  platform: ResolvedPlatform,
  vertical: Vertical,
  kind: 'postgres' | 'redis',
): string {
  const { shared } =
    kind === 'postgres' ? postgresOf(platform, vertical.name) : redisOf(platform, vertical.name)
  const file = kind === 'postgres' ? 'database.tf' : 'cache.tf'
  return shared === null
    ? `${vertical.name}/infrastructure/terraform/${file}`
    : `${sharedStoreDir(shared)}/${file}`
}
