import {
  erasureOtherStores,
  PlatformError,
  placementOf,
  postgresOf,
  type ResolvedPlatform,
  tenancyOf,
} from '@verticals/config-schema'
import type { Context, CoTenant } from '../context'
import { quoteSchema, statement } from '../sql'
import type { AskedVertical, ErasureChannel } from './erasure-channel'

// Platform-wide erasure across the members of a shared PostgreSQL store (migration 0010). Each member
// runs in its own schema as its own roles, and keys its chains and digests with its own audit and
// subject keys: no co-tenant can erase there, nor write an entry its chain would verify. So the member
// that fulfils a request asks each co-tenant (request_erasure, the only thing it may execute in their
// schema); each co-tenant's own service erases as it erases for its own requests and writes its report
// back, which the asking member collects before it closes the request.

/** A co-tenant's request as its own service reads it. */
export interface ErasureRequestRow {
  id: string
  requested_in: string
  request_id: string
  actor: string
  subject_id: string | null
}

function coTenantQueries(s: string) {
  return {
    ask: statement(`SELECT ${s}.request_erasure($1, $2, $3, $4, $5)::text AS id`),
    result: statement(`SELECT ${s}.erasure_request_result($1::uuid) AS answer`),
    pending: statement(`SELECT id, requested_in, request_id, actor, subject_id FROM ${s}.erasure_requests
WHERE vertical = $1 AND done_at IS NULL ORDER BY requested_at LIMIT $2`),
    answer: statement(`UPDATE ${s}.erasure_requests SET done_at = $3, result = $4, subject_id = NULL
WHERE vertical = $1 AND id = $2 AND done_at IS NULL`),
  }
}

/**
 * The members of the vertical's shared PostgreSQL store, other than itself, that erase platform-wide
 * with it and run in another schema than `ownSchema`. A member's schema is `schemas.members[v]`, else the
 * `schema` option when one was given (every vertical in that one schema, as before tenancy: those are
 * erased directly, as siblings), else its tenancy schema (`verticals_<v>`). Empty on a dedicated store.
 */
export function coTenantsOf(
  config: ResolvedPlatform,
  vertical: string,
  ownSchema: string,
  schemas: { given?: string; members?: Readonly<Record<string, string>> } = {},
): CoTenant[] {
  if (config.verticals[vertical]?.platformWideErasure !== true) return []
  const store = postgresOf(config, vertical)
  if (store.shared === null) return []
  return store.members
    .filter((m) => m !== vertical && placementOf(config, m)?.platformWideErasure === true)
    .map((m) => ({
      vertical: m,
      schema: schemas.members?.[m] ?? schemas.given ?? tenancyOf(config, m).schema,
    }))
    .filter((m) => m.schema !== ownSchema)
    .map((m) => ({ vertical: m.vertical, schema: quoteSchema(m.schema) }))
}

/**
 * The verticals that erase platform-wide with `vertical` but keep their data in another PostgreSQL store
 * (config-schema's erasureOtherStores). None when a `given` schema puts every vertical in one database
 * (tests, development).
 */
export function otherStoresOf(config: ResolvedPlatform, vertical: string, given?: string): string[] {
  return given === undefined ? erasureOtherStores(config, vertical) : []
}

/** The application roles of the co-tenants, which migrate() lets ask this member (migration 0010). */
export function coTenantApps(config: ResolvedPlatform, coTenants: readonly CoTenant[]): string[] {
  return coTenants.map((c) => tenancyOf(config, c.vertical).roles.app)
}

/**
 * The request table of the shared store as a channel: this member asks each co-tenant through
 * request_erasure in its schema (asked again for the same request, the same row and its answer come
 * back), reads their reports there, and answers the requests in its own schema. A co-tenant with no
 * schema in this database yet (never deployed here) holds nothing to erase: `absent`.
 */
export function coTenantChannel(ctx: Context): ErasureChannel {
  const own = coTenantQueries(ctx.schema)
  const schemaOf = new Map((ctx.coTenants ?? []).map((m) => [m.vertical, m.schema]))
  return {
    via: 'same PostgreSQL store',
    answeredBy: 'dsr.answerErasureRequests, every coTenantErasure.pollMs',
    async ask(subjectId, origin) {
      const asked: AskedVertical[] = []
      const absent: string[] = []
      for (const member of ctx.coTenants ?? []) {
        try {
          const { rows } = await ctx.pool.query<{ id: string }>({
            ...coTenantQueries(member.schema).ask,
            values: [member.vertical, origin.requestedIn, origin.requestId, origin.actor, subjectId],
          })
          asked.push({ vertical: member.vertical, handle: (rows[0] as { id: string }).id })
        } catch (error) {
          // 3F000 invalid_schema_name: the member never migrated into this database, so holds nothing here.
          if ((error as { code?: string }).code === '3F000') absent.push(member.vertical)
          else throw unreachable(ctx, member, error)
        }
      }
      return { asked, absent }
    },
    async result(asked) {
      const { rows } = await ctx.pool.query<{ answer: { result: unknown } | null }>({
        ...coTenantQueries(schemaOf.get(asked.vertical) as string).result,
        values: [asked.handle],
      })
      return rows[0]?.answer?.result
    },
    async pending(limit) {
      const { rows } = await ctx.pool.query<ErasureRequestRow>({
        ...own.pending,
        values: [ctx.vertical.name, limit],
      })
      return rows.flatMap((row) =>
        row.subject_id === null
          ? []
          : [
              {
                handle: row.id,
                subjectId: row.subject_id,
                origin: { requestedIn: row.requested_in, requestId: row.request_id, actor: row.actor },
              },
            ],
      )
    },
    async answer(request, result) {
      const { rowCount } = await ctx.pool.query({
        ...own.answer,
        values: [ctx.vertical.name, request.handle, ctx.now(), result],
      })
      return (rowCount ?? 0) > 0
    },
  }
}

function unreachable(ctx: Context, member: CoTenant, error: unknown): PlatformError {
  const code = (error as { code?: string }).code
  // 42883 undefined_function: the co-tenant's schema lacks migration 0010.
  if (code === '42883')
    return new PlatformError(
      'MIGRATION_PENDING',
      `${member.vertical}'s schema ${member.schema} cannot take erasure requests (migration 0010_erasure_requests)`,
      {
        cause: error,
        hint: `Migrate ${member.vertical} (its platform.migrate() or its bundle's migrations), then retry dsr.fulfil: the request stays open.`,
      },
    )
  if (code === '42501')
    return new PlatformError(
      'DEPENDENCY_UNAVAILABLE',
      `${member.vertical} has not let ${ctx.vertical.name} ask it to erase (schema ${member.schema})`,
      {
        cause: error,
        hint: `Run ${member.vertical}'s platform.migrate() with its owner's connection: it grants its co-tenants' application roles request_erasure. Then retry dsr.fulfil.`,
      },
    )
  return new PlatformError('DEPENDENCY_UNAVAILABLE', `could not ask ${member.vertical} to erase`, {
    cause: error,
    hint: 'Retry dsr.fulfil: the request stays open and erasure is idempotent.',
  })
}
