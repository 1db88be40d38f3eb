import type { ResolvedPlatform } from '@verticals/config-schema'
import type pg from 'pg'
import type { RedisClient } from './connections'
import type { KeySpace } from './keys'
import type { CoreLogger, CoreMetrics } from './metrics'

/** What every runtime module shares: the config, the connections and the instruments. */
export interface Context {
  readonly platform: ResolvedPlatform
  readonly vertical: ResolvedPlatform['verticals'][string]
  readonly pool: pg.Pool
  readonly redis: RedisClient
  readonly keys: KeySpace
  /** The quoted schema name, e.g. `"verticals"`. */
  readonly schema: string
  readonly metrics: CoreMetrics
  readonly logger: CoreLogger
  /** The clock; tests and replays may substitute one. */
  readonly now: () => Date
  /** Secret that signs audit checkpoints (HMAC-SHA256); without it checkpoints carry a plain sha256. */
  readonly auditKey: string | undefined
}
