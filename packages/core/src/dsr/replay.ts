import { PlatformError } from '@verticals/config-schema'
import { AuditLog } from '../audit/audit'
import { ERASURE_RECORD_TYPE } from '../audit/redaction'
import { Cache } from '../cache/cache'
import type { Context } from '../context'
import { type ErasureReport, eraseSubject } from './erase'
import { journaledSince } from './erasure-journal'
import { erasureSiblings, proofClass } from './platform-wide'
import type { dsrQueries } from './queries'
import { type DecisionTiming, Restrictions } from './restrictions'

/** What replayErasures did: subjects erased again, and journaled digests no row carries any more. */
export interface ReplayReport {
  replayed: {
    vertical: string
    /** The clear id found in the restored data, so the service can erase its own tables too. */
    subjectId: string
    subjectDigest: string
    /** When the original erasure happened. */
    erasedAt: string
    erased: ErasureReport
  }[]
  /** Journaled erasures with nothing of the subject left (erased before the backup, or already replayed). */
  absent: { vertical: string; subjectDigest: string; erasedAt: string }[]
}

// Every clear id the platform tables of a vertical still hold: what a restored backup may bring back.
const ids = (s: string) => `SELECT DISTINCT id FROM (
  SELECT subject_id AS id FROM ${s}.personal_records WHERE vertical = $1
  UNION ALL SELECT subject_id FROM ${s}.consent_events WHERE vertical = $1
  UNION ALL SELECT subject_id FROM ${s}.consent_state WHERE vertical = $1
  UNION ALL SELECT subject_id FROM ${s}.audit_entries WHERE vertical = $1
  UNION ALL SELECT actor FROM ${s}.audit_entries WHERE vertical = $1
  UNION ALL SELECT subject_id FROM ${s}.dsr_requests WHERE vertical = $1
  UNION ALL SELECT subject_id FROM ${s}.subject_restrictions WHERE vertical = $1) ids WHERE id IS NOT NULL`

/**
 * Re-applies the journaled erasures since `since` (at the latest, when the restored backup was taken) in
 * this vertical and the verticals erasing platform-wide with it. Digests are keyed, so the journal cannot
 * be read back to ids: each clear id the restored tables hold is digested here and matched. A match is
 * erased again under a new erasure record that names the original; the rest is reported absent.
 */
export async function replayErasures(
  ctx: Context,
  q: ReturnType<typeof dsrQueries>,
  options: { since: Date; actor?: string; decisions: DecisionTiming },
): Promise<ReplayReport> {
  const journal = ctx.erasureJournal
  if (journal === undefined)
    throw new PlatformError('INVALID_ARGUMENT', 'no erasure journal: erasures cannot be replayed', {
      hint: 'Pass createPlatform({ erasureJournal }) (s3ErasureJournal from @verticals/core/s3) so erasures are journaled outside the database.',
    })
  const report: ReplayReport = { replayed: [], absent: [] }
  for (const c of [ctx, ...erasureSiblings(ctx)]) {
    const entries = await journaledSince(c, journal, options.since)
    if (entries.length === 0) continue
    const found = new Map<string, string>()
    for (const { id } of (
      await c.pool.query<{ id: string }>({ text: ids(c.schema), values: [c.vertical.name] })
    ).rows)
      found.set(c.subjectKey.digest(id), id)
    const done = new Set<string>()
    const audit = new AuditLog(c)
    const cache = new Cache(c)
    for (const entry of entries) {
      const subjectId = found.get(entry.subjectDigest)
      if (subjectId === undefined || done.has(entry.subjectDigest)) {
        if (!done.has(entry.subjectDigest))
          report.absent.push({
            vertical: c.vertical.name,
            subjectDigest: entry.subjectDigest,
            erasedAt: entry.erasedAt,
          })
        continue
      }
      done.add(entry.subjectDigest)
      const record = await audit.appendPseudonymous({
        type: ERASURE_RECORD_TYPE,
        actor: options.actor ?? 'dsr-replay',
        subjectDigest: entry.subjectDigest,
        data: { replayOf: entry.erasureRecord, erasedAt: entry.erasedAt },
        recordClass: proofClass(c, audit, ERASURE_RECORD_TYPE),
      })
      const erased = await eraseSubject(
        c,
        q,
        cache,
        new Restrictions(c, cache, options.decisions),
        subjectId,
        `${record.recordClass}:${record.seq}`,
        { journal: false },
      )
      await c.pool.query({ ...q.forgetRequests, values: [c.vertical.name, c.subjectKey.digests(subjectId)] })
      report.replayed.push({
        vertical: c.vertical.name,
        subjectId,
        subjectDigest: entry.subjectDigest,
        erasedAt: entry.erasedAt,
        erased,
      })
    }
  }
  return report
}
