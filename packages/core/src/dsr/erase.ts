import { PlatformError } from '@verticals/config-schema'
import type { Cache } from '../cache/cache'
import type { Context } from '../context'
import { type RetainedByDuty, retainedByDuty } from './duties'
import { journalErasure } from './erasure-journal'
import type { dsrQueries } from './queries'
import type { Restrictions } from './restrictions'

/** What an erasure removed, table by table, and which fields. */
export interface ErasureReport {
  personalRecords: {
    deleted: number
    dataClasses: string[]
    fields: string[]
    keptUnderHold: string[]
    /** Records a legal retention duty keeps, with the duty, its source and when it ends. */
    keptUnderDuty: RetainedByDuty[]
  }
  consent: { events: number; states: number }
  /** Audit entries whose actor, subject and data were cleared; their hashes remain, so the chain verifies. */
  auditEntriesRedacted: number
  /** Cache keys removed (indexed values and consent decisions). */
  cacheKeys: number
}

interface Erased {
  records: { dataClass: string; fields: string[] }[]
  held: string[]
  states: number
  events: number
  redacted: number
}

/**
 * Erases a subject from the platform's tables, then from the cache. Deletes their personal records
 * (except records under a legal hold or a retention duty) and consent ledger, and redacts audit entries about them, each
 * naming `erasureRecord` ('<record class>:<seq>' of the dsr.erasure.performed entry appended first).
 * Journals the erasure first (keyed digest only) when the platform has a journal. The subject's cached
 * consent decisions deny from before the commit and are gone, on the Redis primaries and their
 * replicas, when it returns (a failover cannot bring an erased subject's grant back). Idempotent: a retry
 * after a failure (for example Redis down) finishes the job.
 */
export async function eraseSubject(
  ctx: Context,
  q: ReturnType<typeof dsrQueries>,
  cache: Cache,
  restrictions: Restrictions,
  subjectId: string,
  erasureRecord: string,
  options: { journal?: boolean } = {},
): Promise<ErasureReport> {
  const v = ctx.vertical.name
  const holds = (await ctx.pool.query<{ record_ref: string }>({ ...q.recordHolds, values: [v] })).rows.map(
    (r) => r.record_ref,
  )
  // A retention duty overrides erasure for the records it covers; everything else goes.
  const duties = await retainedByDuty(ctx, q, subjectId)
  const dutyIds = new Set(duties.flatMap((d) => d.records))
  // Journaled first, outside the database: a backup restored later brings the subject back, and the
  // journal (keyed digest only) is how replayErasures finds it again. Replays do not journal twice.
  if (options.journal !== false) await journalErasure(ctx, ctx.subjectKey.digest(subjectId), erasureRecord)
  // One call, one transaction: erase_subject() (migration 0006) checks the erasure record names this
  // subject, deletes and redacts as its owner, and marks every redaction with the record.
  // Cached decisions deny before the commit; after it they are removed durably (restrictions.erase).
  await restrictions.fenceErasure(subjectId)
  let rows: { erased: Erased }[]
  try {
    ;({ rows } = await ctx.pool.query<{ erased: Erased }>({
      ...q.erase,
      values: [
        v,
        subjectId,
        ctx.subjectKey.digests(subjectId),
        erasureRecord,
        [...holds, ...dutyIds],
        ctx.now(),
      ],
    }))
  } catch (error) {
    await restrictions.unfenceErasure(subjectId)
    throw error
  }
  const erased = rows[0]?.erased as Erased
  const dataClasses = [...new Set(erased.records.map((r) => r.dataClass))].sort()
  const declared = dataClasses.flatMap((c) => ctx.platform.dataClasses[c]?.fields ?? [])
  const report: ErasureReport = {
    personalRecords: {
      deleted: erased.records.length,
      dataClasses,
      fields: [...new Set([...erased.records.flatMap((r) => r.fields), ...declared])].sort(),
      keptUnderHold: erased.held.filter((id) => !dutyIds.has(id)),
      keptUnderDuty: duties,
    },
    consent: { events: erased.events, states: erased.states },
    auditEntriesRedacted: erased.redacted,
    cacheKeys: 0,
  }
  try {
    // Consent decisions and the restriction marker first, durably (a failover cannot bring a grant
    // back); restrictions keep only the subject's digest. Then the cached values.
    report.cacheKeys = await restrictions.erase(subjectId)
    report.cacheKeys += await cache.invalidateSubject(subjectId)
  } catch (error) {
    if (error instanceof PlatformError) throw error
    throw new PlatformError(
      'DEPENDENCY_UNAVAILABLE',
      'the subject was erased from PostgreSQL but not yet from Redis',
      {
        cause: error,
        hint: 'Retry dsr.fulfil: erasure is idempotent and finishes with the cache.',
      },
    )
  }
  return report
}
