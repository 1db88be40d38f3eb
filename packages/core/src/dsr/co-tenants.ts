import {
  erasureOtherStores,
  PlatformError,
  postgresOf,
  type ResolvedPlatform,
  tenancyOf,
} from '@verticals/config-schema'
import type { Context, CoTenant } from '../context'
import { quoteSchema, statement } from '../sql'
import type { SiblingErasure } from './platform-wide'

// Platform-wide erasure across the members of a shared PostgreSQL store (migration 0010). Each member
// runs in its own schema as its own roles, and keys its chains and digests with its own audit and
// subject keys: no co-tenant can erase there, nor write an entry its chain would verify. So the member
// that fulfils a request asks each co-tenant (request_erasure, the only thing it may execute in their
// schema); each co-tenant's own service erases as it erases for its own requests and writes its report
// back, which the asking member collects before it closes the request.

/** How erasure waits for co-tenants, and how often a member looks for their requests. */
export interface CoTenantErasureTiming {
  /** Milliseconds dsr.fulfil waits for every co-tenant's report before DEPENDENCY_UNAVAILABLE (default 30000). */
  waitMs: number
  /** Milliseconds between two looks for co-tenants' requests (default 1000; 0: never, call dsr.answerErasureRequests). */
  pollMs: number
}

/** The defaults of CoTenantErasureTiming. */
export const CO_TENANT_TIMING: CoTenantErasureTiming = Object.freeze({ waitMs: 30_000, pollMs: 1000 })

/** One co-tenant asked to erase: its vertical, schema and the id of the request in its schema. */
export interface AskedCoTenant extends CoTenant {
  readonly id: string
}

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
    .filter((m) => m !== vertical && config.verticals[m]?.platformWideErasure === true)
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
 * Asks every co-tenant to erase the subject for `requestId`; the same request asked again (a retried
 * fulfil) gets the same id back, and its answer once given. `absent`: co-tenants with no schema in
 * this database yet (never deployed here), which hold nothing to erase.
 */
export async function askCoTenants(
  ctx: Context,
  subjectId: string,
  origin: { requestId: string; actor: string },
): Promise<{ asked: AskedCoTenant[]; absent: string[] }> {
  const asked: AskedCoTenant[] = []
  const absent: string[] = []
  for (const member of ctx.coTenants ?? []) {
    try {
      const { rows } = await ctx.pool.query<{ id: string }>({
        ...coTenantQueries(member.schema).ask,
        values: [member.vertical, ctx.vertical.name, origin.requestId, origin.actor, subjectId],
      })
      asked.push({ ...member, id: (rows[0] as { id: string }).id })
    } catch (error) {
      // 3F000 invalid_schema_name: the member never migrated into this database, so holds nothing here.
      if ((error as { code?: string }).code === '3F000') absent.push(member.vertical)
      else throw unreachable(ctx, member, error)
    }
  }
  return { asked, absent }
}

/**
 * Waits up to `waitMs` for every asked co-tenant's report. One that has not answered by then fails the
 * fulfilment (DEPENDENCY_UNAVAILABLE): the request stays open, and a retry collects the answers.
 */
export async function awaitCoTenants(
  ctx: Context,
  asked: readonly AskedCoTenant[],
  waitMs: number,
): Promise<Record<string, SiblingErasure>> {
  const answers: Record<string, SiblingErasure> = {}
  const deadline = Date.now() + waitMs
  let pause = 10
  for (;;) {
    for (const member of asked) {
      if (answers[member.vertical] !== undefined) continue
      const { rows } = await ctx.pool.query<{ answer: { result: unknown } | null }>({
        ...coTenantQueries(member.schema).result,
        values: [member.id],
      })
      const result = rows[0]?.answer?.result
      if (result !== null && result !== undefined) answers[member.vertical] = revive(result)
    }
    const missing = asked.filter((m) => answers[m.vertical] === undefined).map((m) => m.vertical)
    if (missing.length === 0) return answers
    if (Date.now() >= deadline) {
      throw new PlatformError(
        'DEPENDENCY_UNAVAILABLE',
        `the erasure was asked of ${missing.join(', ')} (same PostgreSQL store) but not answered within ${waitMs} ms`,
        {
          hint: `Their services carry it out (dsr.answerErasureRequests, every coTenantErasure.pollMs): check that ${missing.join(', ')} run. The request stays open: retry dsr.fulfil, which collects their reports.`,
        },
      )
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))))
    pause = Math.min(pause * 2, 250)
  }
}

/**
 * Carries out the co-tenants' pending requests in this member, each with `erase` (the erasure this
 * member performs for its own requests), and writes each report back. Returns how many it answered.
 */
export async function answerErasureRequests(
  ctx: Context,
  erase: (
    subjectId: string,
    origin: { requestedIn: string; requestId: string; actor: string },
  ) => Promise<SiblingErasure>,
  limit = 50,
): Promise<number> {
  const q = coTenantQueries(ctx.schema)
  const v = ctx.vertical.name
  const { rows } = await ctx.pool.query<ErasureRequestRow>({ ...q.pending, values: [v, limit] })
  let answered = 0
  for (const row of rows) {
    if (row.subject_id === null) continue
    const result = await erase(row.subject_id, {
      requestedIn: row.requested_in,
      requestId: row.request_id,
      actor: row.actor,
    })
    const { rowCount } = await ctx.pool.query({ ...q.answer, values: [v, row.id, ctx.now(), result] })
    answered += rowCount ?? 0
  }
  return answered
}

/**
 * Answers co-tenants' requests every `everyMs` while the platform runs (only where co-tenants may ask).
 * Returns the stop function, which waits for a round in progress.
 */
export function answerPeriodically(
  ctx: Context,
  answer: () => Promise<number>,
  everyMs: number,
): () => Promise<void> {
  if ((ctx.coTenants ?? []).length === 0 || everyMs <= 0) return async () => {}
  let running: Promise<void> | undefined
  const timer = setInterval(() => {
    if (running !== undefined) return
    running = answer()
      .then(
        () => undefined,
        (error: unknown) =>
          ctx.logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            "co-tenants' erasure requests could not be answered yet; the next round retries",
          ),
      )
      .finally(() => {
        running = undefined
      })
  }, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}

// A report as JSON gives dates as strings: the duty's end date becomes a Date again.
function revive(result: unknown): SiblingErasure {
  const report = result as SiblingErasure
  if ('skipped' in report) return report
  for (const duty of report.personalRecords.keptUnderDuty) duty.until = new Date(duty.until)
  return report
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
