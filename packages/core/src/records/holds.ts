import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import { statement } from '../sql'

/** What a hold covers: every record of a subject, or one record. */
export type HoldTarget =
  | { subjectId: string }
  | { table: 'personal_records'; recordId: string }
  | { table: 'audit_entries'; recordClass: string; seq: number }

/** The reference a record hold stores, e.g. `17` or `financial:42`. */
export function recordRef(target: HoldTarget): string | null {
  if ('subjectId' in target) return null
  return target.table === 'personal_records' ? target.recordId : `${target.recordClass}:${target.seq}`
}

/**
 * Legal holds: while one is active, retention does not delete or anonymize what it covers and
 * erasure of a held subject is refused.
 */
export class LegalHolds {
  private readonly q

  constructor(private readonly ctx: Context) {
    const s = ctx.schema
    this.q = {
      place:
        statement(`INSERT INTO ${s}.legal_holds (vertical, subject_digest, record_table, record_ref, reason, created_at, subject_id)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`),
      release: statement(
        `UPDATE ${s}.legal_holds SET released_at = $3, subject_id = NULL WHERE vertical = $1 AND id = $2 AND released_at IS NULL RETURNING id`,
      ),
      subjectHeld: statement(
        `SELECT 1 FROM ${s}.legal_holds WHERE vertical = $1 AND subject_digest = ANY($2::text[]) AND released_at IS NULL LIMIT 1`,
      ),
    }
  }

  /** Places a hold; returns its id. */
  async place(target: HoldTarget, reason: string): Promise<string> {
    if (!reason) throw new PlatformError('INVALID_ARGUMENT', 'a legal hold needs a reason')
    const digest = 'subjectId' in target ? this.ctx.subjectKey.digest(target.subjectId) : null
    const table = 'subjectId' in target ? null : target.table
    // A subject hold keeps the clear id while active: retention matches rows by it (the key stays out of SQL).
    const subjectId = 'subjectId' in target ? target.subjectId : null
    const values = [
      this.ctx.vertical.name,
      digest,
      table,
      recordRef(target),
      reason,
      this.ctx.now(),
      subjectId,
    ]
    const { rows } = await this.ctx.pool.query<{ id: string }>({ ...this.q.place, values })
    return String(rows[0]?.id)
  }

  /** Releases a hold; NOT_FOUND when it does not exist or was released already. */
  async release(id: string): Promise<void> {
    const { rowCount } = await this.ctx.pool.query({
      ...this.q.release,
      values: [this.ctx.vertical.name, id, this.ctx.now()],
    })
    if (rowCount === 0) throw new PlatformError('NOT_FOUND', `no active legal hold ${id}`)
  }

  /** Whether a subject is under an active hold. */
  async isSubjectHeld(subjectId: string): Promise<boolean> {
    const { rows } = await this.ctx.pool.query({
      ...this.q.subjectHeld,
      values: [this.ctx.vertical.name, this.ctx.subjectKey.digests(subjectId)],
    })
    return rows.length > 0
  }
}
