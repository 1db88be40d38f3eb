import { PlatformError, type ResolvedPlatform, tenancyOf } from '@verticals/config-schema'
import type pg from 'pg'
import type { AnchorSink } from './audit/anchor-document'
import { AuditLog } from './audit/audit'
import { AuditKey } from './audit/key'
import { Cache } from './cache/cache'
import { type RedisClient, toPool, toRedis, waitReady } from './connections'
import { Consent } from './consent/consent'
import type { Context } from './context'
import { coTenantApps, coTenantsOf, otherStoresOf } from './dsr/co-tenants'
import { DataSubjectRequests } from './dsr/dsr'
import { answerPeriodically, CO_TENANT_TIMING, type CoTenantErasureTiming } from './dsr/erasure-channel'
import type { ErasureJournal } from './dsr/erasure-journal'
import type { ErasureRelay } from './dsr/erasure-relay'
import { Restrictions } from './dsr/restrictions'
import { completeRecordVerifier, type IdentityVerifier } from './dsr/verification'
import { Incidents } from './incidents/incidents'
import { KeySpace } from './keys'
import { type CoreLogger, type CoreMetrics, completeMetrics, silentLogger } from './metrics'
import { type MigrateResult, migrate } from './migrations/migrate'
import { MIGRATIONS } from './migrations/sql.generated'
import { monitoringLogin, setMonitoringPassword } from './monitoring-login'
import { LegalHolds } from './records/holds'
import { Records } from './records/records'
import { Retention } from './retention/retention'
import { quoteSchema } from './sql'
import { SubjectKey } from './subject-key'
import { type Db, observeQueries } from './timed-queries'

/** Options of createPlatform. */
export interface PlatformOptions {
  /** The resolved platform.yaml (see loadPlatformConfig). */
  config: ResolvedPlatform
  /** The vertical this service runs as: declared and enabled in the config. */
  vertical: string
  /** A pg.Pool, or a connection string (core then owns the pool, sized by dataStores.postgres.pool.max). */
  pg: pg.Pool | string
  /**
   * An ioredis Redis or Cluster, or a URL (core then owns the client: a Cluster when the config declares
   * `dataStores.redis.cluster`, seeded with the URL of the configuration endpoint).
   */
  redis: RedisClient | string
  logger?: CoreLogger
  /** Instruments; any method left out is a no-op. */
  metrics?: Partial<CoreMetrics>
  /**
   * PostgreSQL schema of the platform tables (default: `verticals`, or `verticals_<vertical>` when the
   * vertical is on a shared PostgreSQL store, where each member has its own schema and roles).
   */
  schema?: string
  /**
   * On a shared PostgreSQL store: the schemas of the other members, by vertical, which platform-wide
   * erasure asks (default each member's own, `verticals_<v>`; when `schema` is given and is not the
   * vertical's own `verticals_<vertical>`, that schema for a member not listed here: every vertical in
   * one schema, erased directly as before tenancy).
   */
  memberSchemas?: Readonly<Record<string, string>>
  /**
   * Erasure across the members of a shared PostgreSQL store (each in its own schema, as its own roles,
   * with its own keys) and, through the erasure relay, across stores: how long `dsr.fulfil` waits for
   * the asked verticals' reports (`waitMs`, default 30000; then DEPENDENCY_UNAVAILABLE and the request
   * stays open), and how often this vertical carries out the erasures they ask of it (`pollMs`, default
   * 1000; 0: only when `dsr.answerErasureRequests()` is called).
   */
  coTenantErasure?: Partial<CoTenantErasureTiming>
  /** Prepended to every Redis key, e.g. to isolate tests (default none). */
  keyPrefix?: string
  /** Seconds a non-special consent decision stays in Redis (default 60); withdrawals replace it at once. */
  consentCacheTtl?: number
  /** Milliseconds a consent check waits for PostgreSQL before failing closed (default 2000). */
  consentTimeoutMs?: number
  /**
   * Milliseconds a withdrawal keeps rewriting its cached decision until the Redis primary and its
   * replicas hold it, e.g. through a failover (default 30000); after that it returns with
   * `cacheUpdated: false` and rewrites in the background. Restrictions, objections and erasures have
   * the same bound for their cached decisions; past it `dsr.fulfil` fails with DEPENDENCY_UNAVAILABLE.
   */
  consentDurableWithinMs?: number
  /**
   * The secret (at least 32 characters) that keys every audit chain, checkpoint and anchor with
   * HMAC-SHA256; keep it in the secret store, never in the database. Required when NODE_ENV=production;
   * elsewhere a public development key stands in, with a warning.
   */
  auditKey?: string
  /**
   * The secret (at least 32 characters, apart from the audit key) that keys the digests naming subjects
   * and actors with HMAC-SHA256, so a guessable id cannot be re-linked to its digest after erasure. Keep
   * it in the secret store, never in the database. Required when NODE_ENV=production; elsewhere a public
   * development key stands in, with a warning. Changing it loses the link to existing digests.
   */
  subjectKey?: string
  /**
   * Where the heads of the audit chains are anchored outside the database (see s3AnchorSink in
   * `@verticals/core/s3`); with one, the platform anchors every audit.anchor.every and verify() checks
   * the database against the latest anchor.
   */
  anchorSink?: AnchorSink
  /**
   * Where erasures are journaled (keyed digests only) outside the database, so `dsr.replayErasures`
   * can re-apply them after a backup is restored: `s3ErasureJournal` of `@verticals/core/s3` on the
   * audit-anchors bucket. Without one, erasures are not journaled and cannot be replayed.
   */
  erasureJournal?: ErasureJournal
  /**
   * Carries platform-wide erasure to the verticals whose data is in another PostgreSQL store, and
   * theirs to this one (`s3ErasureRelay` of `@verticals/core/s3` on the platform's relay bucket; every
   * participating vertical's service given the same). Erasure then waits for their own services'
   * reports as for co-tenants. Without one they are reported `{ skipped: 'other-store' }`, with a warning.
   */
  erasureRelay?: ErasureRelay
  /**
   * postgres_exporter's URL (`VERTICALS_MONITORING_DATABASE_URL` in a generated Deployment): migrate()
   * then creates the role it names with pg_monitor only (migration 0011) and sets that role's password
   * from it, so the exporter never needs the service's credentials. Without it the role is
   * `verticals_monitor` and its password is left to the operator.
   */
  monitoringDatabaseUrl?: string
  /** The clock, for tests and replays (default the system clock). */
  clock?: () => Date
  /**
   * Decides whether a request's identity-verification record proves the requester is the subject
   * (default: any complete record of method, verifier and evidence reference is accepted).
   */
  identityVerifier?: IdentityVerifier
}

/** The runtime of one vertical: cache, consent, audit, records, holds, retention and DSR. */
export interface Platform {
  readonly vertical: string
  readonly cache: Cache
  readonly consent: Consent
  readonly audit: AuditLog
  readonly records: Records
  readonly holds: LegalHolds
  readonly retention: Retention
  readonly dsr: DataSubjectRequests
  /** Restrictions of processing and objections in force, placed by DSR; lift them here. */
  readonly restrictions: Restrictions
  /** Personal-data breaches and their notification clocks (openBreach, notified, close, refresh). */
  readonly incidents: Incidents
  /** Creates or updates the platform tables in the schema; safe to call from every replica at once. */
  migrate(): Promise<MigrateResult>
  /** Waits for queued audit appends, then ends the connections core opened (never those it was given). */
  close(): Promise<void>
}

/** Creates the runtime of one vertical from the resolved config and its connections. */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options
  const vertical = config.verticals[options.vertical]
  if (vertical === undefined) {
    throw new PlatformError(
      'VERTICAL_UNKNOWN',
      `vertical "${options.vertical}" is not declared in platform.yaml`,
      {
        hint: `Declared verticals: ${Object.keys(config.verticals).join(', ')}.`,
      },
    )
  }
  if (!vertical.enabled) {
    throw new PlatformError(
      'VERTICAL_DISABLED',
      `vertical "${options.vertical}" is declared but not enabled`,
      {
        hint: `Set verticals.${options.vertical}.enabled: true in platform.yaml.`,
      },
    )
  }
  // On a shared PostgreSQL each member has its own schema and roles (dataStores.shared): tenancyOf.
  const tenancy = tenancyOf(config, vertical.name)
  const monitoring =
    options.monitoringDatabaseUrl === undefined ? undefined : monitoringLogin(options.monitoringDatabaseUrl)
  const schemaName = options.schema ?? tenancy.schema
  const schema = quoteSchema(schemaName)
  // A `schema` other than the vertical's own tenancy schema puts every vertical in it (as tests do).
  const given = options.schema === tenancy.schema ? undefined : options.schema
  const coTenants = coTenantsOf(config, vertical.name, schemaName, { given, members: options.memberSchemas })
  // memberSchemas says where each member really is: then the other stores are as the config places them.
  const otherStores = otherStoresOf(
    config,
    vertical.name,
    options.memberSchemas === undefined ? given : undefined,
  )
  const timing = { ...CO_TENANT_TIMING, ...options.coTenantErasure }
  const logger = options.logger ?? silentLogger
  const auditKey = AuditKey.resolve(options.auditKey, logger)
  const subjectKey = SubjectKey.resolve(options.subjectKey, logger)
  const pool = toPool(options.pg, config.dataStores.postgres.pool.max, logger)
  const redis = toRedis(options.redis, logger, config, vertical.name)
  if (redis.owned) await waitReady(redis.redis, 1000)
  // Every query core makes is timed for the query histogram when the adapter takes it; else untouched.
  const onQuery = options.metrics?.dbQuery
  const db: Db = onQuery === undefined ? pool.pool : observeQueries(pool.pool, onQuery.bind(options.metrics))
  const ctx: Context = {
    platform: config,
    vertical,
    pool: db,
    redis: redis.redis,
    keys: new KeySpace(config, vertical.name, options.keyPrefix ?? ''),
    schema,
    metrics: completeMetrics(options.metrics),
    logger,
    now: options.clock ?? (() => new Date()),
    auditKey,
    subjectKey,
    erasureJournal: options.erasureJournal,
    coTenants,
    otherStores,
    ...(options.erasureRelay === undefined ? {} : { erasureRelay: options.erasureRelay }),
  }
  const cache = new Cache(ctx)
  const audit = new AuditLog(ctx, options.anchorSink)
  const decisions = {
    cacheTtl: options.consentCacheTtl ?? 60,
    durableWithinMs: options.consentDurableWithinMs ?? 30_000,
  }
  const consent = new Consent(ctx, audit, { ...decisions, timeoutMs: options.consentTimeoutMs ?? 2000 })
  if (options.anchorSink !== undefined) audit.startAnchoring()
  const records = new Records(ctx)
  const holds = new LegalHolds(ctx)
  const restrictions = new Restrictions(ctx, cache, decisions)
  const dsr = new DataSubjectRequests(ctx, {
    audit,
    cache,
    holds,
    records,
    restrictions,
    verifier: options.identityVerifier ?? completeRecordVerifier,
    coTenantWaitMs: timing.waitMs,
  })
  // Co-tenants of a shared store, and with a relay verticals on any other store, ask this vertical to
  // erase; its own service carries it out.
  const mayBeAsked =
    coTenants.length > 0 || (options.erasureRelay !== undefined && vertical.platformWideErasure)
  const stopAnswering = answerPeriodically(ctx, () => dsr.answerErasureRequests(), timing.pollMs, mayBeAsked)
  const roles = {
    ...tenancy.roles,
    coTenantApps: coTenantApps(config, coTenants),
    ...(monitoring === undefined ? {} : { monitor: monitoring.role }),
  }
  let closed = false
  return {
    vertical: vertical.name,
    cache,
    consent,
    audit,
    records,
    holds,
    retention: new Retention(ctx, audit),
    restrictions,
    incidents: new Incidents(ctx, audit),
    dsr,
    async migrate() {
      const result = await migrate(db, schemaName, MIGRATIONS, roles)
      if (monitoring !== undefined) await setMonitoringPassword(db, monitoring, logger)
      return result
    },
    async close() {
      if (closed) return
      closed = true
      await stopAnswering()
      audit.stopAnchoring()
      // Appends already queued still commit: an audit entry the caller was promised is never dropped.
      await audit.flush()
      await audit.close()
      if (redis.owned) redis.redis.disconnect()
      if (pool.owned) await pool.pool.end()
    },
  }
}
