import { postgresOf, type ResolvedPlatform, redisOf } from '@verticals/config-schema'
import type { Vertical } from '../names'
import {
  memberLogin,
  postgresIdentifier,
  redisGroupId,
  sharedCacheAuthSecretName,
  sharedStoreDir,
  sharedStorePrefix,
} from '../shared-stores'

/**
 * What shared-stores.tf prints in a member's module: the shared stores it reads by name (never by their
 * state, which holds the master password). `postgres` and `redis` are null where the vertical keeps a
 * store of its own; the file exists only when one of them is shared.
 */
export function memberStoresView(platform: ResolvedPlatform, vertical: Vertical) {
  const pg = postgresOf(platform, vertical.name)
  const redis = redisOf(platform, vertical.name)
  return {
    postgres:
      pg.shared === null
        ? null
        : {
            store: pg.shared,
            dir: sharedStoreDir(pg.shared),
            identifier: postgresIdentifier(sharedStorePrefix(platform, pg.shared)),
            login: memberLogin(platform, vertical.name),
          },
    redis:
      redis.shared === null
        ? null
        : {
            store: redis.shared,
            dir: sharedStoreDir(redis.shared),
            groupId: redisGroupId(sharedStorePrefix(platform, redis.shared)),
            authSecret: sharedCacheAuthSecretName(platform, redis.shared),
            // A cluster-mode group is reached through its configuration endpoint.
            cluster: redis.settings.cluster !== undefined,
          },
  }
}
