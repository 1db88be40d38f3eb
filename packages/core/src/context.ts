import type { ResolvedPlatform } from '@verticals/config-schema'
import type { AuditKey } from './audit/key'
import type { RedisClient } from './connections'
import type { ErasureJournal } from './dsr/erasure-journal'
import type { ErasureRelay } from './dsr/erasure-relay'
import type { KeySpace } from './keys'
import type { CoreLogger, CoreMetrics } from './metrics'
import type { SubjectKey } from './subject-key'
import type { Db } from './timed-queries'

/** What every runtime module shares: the config, the connections and the instruments. */
export interface Context {
  readonly platform: ResolvedPlatform
  readonly vertical: ResolvedPlatform['verticals'][string]
  /** The pool, with every query timed when the metrics adapter has `dbQuery` (observeQueries). */
  readonly pool: Db
  readonly redis: RedisClient
  readonly keys: KeySpace
  /** The quoted schema name, e.g. `"verticals"`. */
  readonly schema: string
  readonly metrics: CoreMetrics
  readonly logger: CoreLogger
  /** The clock; tests and replays may substitute one. */
  readonly now: () => Date
  /** The HMAC-SHA256 key of every audit chain, checkpoint and anchor. */
  readonly auditKey: AuditKey
  /** The HMAC-SHA256 key of every subject and actor digest. */
  readonly subjectKey: SubjectKey
  /** Where erasures are journaled outside the database, for replay after a restore (none: not journaled). */
  readonly erasureJournal: ErasureJournal | undefined
  /**
   * The other members of this vertical's shared PostgreSQL store that erase platform-wide with it, each
   * in its own schema as its own roles: erasure asks them (dsr/co-tenants.ts). Empty or absent elsewhere.
   */
  readonly coTenants?: readonly CoTenant[]
  /**
   * The verticals that erase platform-wide with this one but keep their data in another PostgreSQL
   * store, which this service has no connection to: erasure asks them through the erasure relay, or
   * reports them as not reached without one.
   */
  readonly otherStores?: readonly string[]
  /** Carries erasure requests to and from the verticals on other PostgreSQL stores (none: not carried). */
  readonly erasureRelay?: ErasureRelay
}

/** A co-tenant of a shared PostgreSQL store: its vertical and its quoted schema. */
export interface CoTenant {
  readonly vertical: string
  readonly schema: string
}
