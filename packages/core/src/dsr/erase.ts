import { PlatformError } from '@verticals/config-schema'
import { idDigest } from '../audit/canonical'
import type { Cache } from '../cache/cache'
import type { Context } from '../context'
import type { dsrQueries } from './queries'

/** What an erasure removed, table by table, and which fields. */
export interface ErasureReport {
  personalRecords: { deleted: number; dataClasses: string[]; fields: string[]; keptUnderHold: string[] }
  consent: { events: number; states: number }
  /** Audit entries whose actor, subject and data were cleared; their hashes remain, so the chain verifies. */
  auditEntriesRedacted: number
  /** Cache keys removed (indexed values and consent decisions). */
  cacheKeys: number
}

/**
 * Erases a subject from the platform's tables, then from the cache. Deletes their personal records
 * (except records under a legal hold) and consent ledger, and redacts audit entries about them.
 * Idempotent: a retry after a failure (for example Redis down) finishes the job.
 */
export async function eraseSubject(
  ctx: Context,
  q: ReturnType<typeof dsrQueries>,
  cache: Cache,
  subjectId: string,
): Promise<ErasureReport> {
  const v = ctx.vertical.name
  const digest = idDigest(subjectId)
  const client = await ctx.pool.connect()
  let report: ErasureReport
  try {
    await client.query('BEGIN')
    const holds = (await client.query<{ record_ref: string }>({ ...q.recordHolds, values: [v] })).rows.map(
      (r) => r.record_ref,
    )
    const erased = await client.query<{ data_class: string; fields: string[] }>({
      ...q.eraseRecords,
      values: [v, subjectId, holds],
    })
    const kept = await client.query<{ id: string }>({ ...q.heldRecords, values: [v, subjectId, holds] })
    const events = await client.query({ ...q.eraseConsentEvents, values: [v, subjectId] })
    const states = await client.query({ ...q.eraseConsentState, values: [v, subjectId] })
    const redacted = await client.query({ ...q.redactAudit, values: [v, digest, ctx.now()] })
    await client.query('COMMIT')
    const dataClasses = [...new Set(erased.rows.map((r) => r.data_class))].sort()
    const declared = dataClasses.flatMap((c) => ctx.platform.dataClasses[c]?.fields ?? [])
    report = {
      personalRecords: {
        deleted: erased.rowCount ?? 0,
        dataClasses,
        fields: [...new Set([...erased.rows.flatMap((r) => r.fields), ...declared])].sort(),
        keptUnderHold: kept.rows.map((r) => String(r.id)),
      },
      consent: { events: events.rowCount ?? 0, states: states.rowCount ?? 0 },
      auditEntriesRedacted: redacted.rowCount ?? 0,
      cacheKeys: 0,
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
  try {
    report.cacheKeys = await cache.invalidateSubject(subjectId)
    const consentKeys = ctx.vertical.purposes.map((p) => ctx.keys.consent(p, subjectId))
    report.cacheKeys += (await Promise.all(consentKeys.map((k) => ctx.redis.del(k)))).reduce(
      (a, b) => a + b,
      0,
    )
  } catch (error) {
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
