import type { Context } from '../context'
import type { DbClient } from '../timed-queries'
import { purgedUnderCheckpoint } from './checkpoints'
import { entryIntact } from './entry-check'
import type { EntryRows, RawRow } from './entry-rows'
import type { auditQueries } from './queries'
import { COL, ENTRY_RAW_WIDTH, RAW_TEXT, type verifyQueries } from './verify-queries'

/**
 * The entry type of an erasure record: appended (naming the subject by digest) before an erasure, and
 * named by every entry that erasure redacts. Migration 0006's erase_subject() accepts only this type.
 */
export const ERASURE_RECORD_TYPE = 'dsr.erasure.performed'
/** The entry type of a retention redaction record: data { recordClass, before } (audit_redact_expired). */
export const RETENTION_REDACTION_TYPE = 'retention.redaction'

interface RecordEntry {
  row: unknown[]
  recordClass: string
}

/**
 * Checks that a redacted entry names a record that accounts for it: an intact erasure record of the
 * entry's subject (or actor) written after it, or an intact retention redaction record of its chain
 * whose cutoff is after it. A record purged later under a signed checkpoint is accepted as it was.
 */
export class RedactionRecords {
  private readonly found = new Map<string, RecordEntry | null>()

  constructor(
    private readonly ctx: Context,
    private readonly q: ReturnType<typeof auditQueries> & ReturnType<typeof verifyQueries>,
    private readonly rows: EntryRows,
  ) {}

  /** Whether the redacted entry `row` of chain `recordClass` is accounted for. */
  async accounts(client: DbClient, recordClass: string, row: readonly unknown[]): Promise<boolean> {
    const ref = row[COL.redactedBy]
    if (typeof ref !== 'string') return false
    const record = await this.load(client, ref)
    if (record === null) {
      const cut = ref.lastIndexOf(':')
      return purgedUnderCheckpoint(this.ctx, client, this.q, ref.slice(0, cut), Number(ref.slice(cut + 1)))
    }
    const r = record.row
    if (r[COL.type] === ERASURE_RECORD_TYPE) {
      const subject = r[COL.subjectDigest]
      const about = subject === row[COL.subjectDigest] || subject === row[COL.actorDigest]
      return about && (row[COL.createdAt] as string) <= (r[COL.createdAt] as string)
    }
    if (r[COL.type] === RETENTION_REDACTION_TYPE) {
      const data = r[COL.data] as { recordClass?: unknown; before?: unknown } | null
      return (
        data?.recordClass === recordClass &&
        typeof data.before === 'string' &&
        (row[COL.createdAt] as string) < data.before
      )
    }
    return false
  }

  // The record, checked against its HMAC, or null when it is gone.
  private async load(client: DbClient, ref: string): Promise<RecordEntry | null> {
    const cached = this.found.get(ref)
    if (cached !== undefined) return cached
    const { rows } = await client.query<RawRow>({
      ...this.q.records,
      values: [this.ctx.vertical.name, [ref]],
      ...RAW_TEXT,
    })
    const hit = rows[0]
    let record: RecordEntry | null = null
    if (hit !== undefined) {
      const row = this.rows.entry(hit)
      const recordClass = hit[ENTRY_RAW_WIDTH] as string
      // A forged record (no valid HMAC) accounts for nothing.
      if (entryIntact(this.ctx, recordClass, row, this.rows.names) && row[COL.redacted] !== true)
        record = { row, recordClass }
      else return { row: [], recordClass } as RecordEntry
    }
    this.found.set(ref, record)
    return record
  }
}
