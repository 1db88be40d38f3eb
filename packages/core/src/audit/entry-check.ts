import { canonicalParsed, entryHash, sha256 } from './canonical'
import type { NamesId } from './entry-rows'
import type { AuditKey } from './key'
import { COL } from './verify-queries'

/** What checking an entry needs of the context (a verify worker has no more than this). */
export interface EntryKeys {
  auditKey: Pick<AuditKey, 'mac'>
  vertical: { name: string }
}

/**
 * Whether an entry row (decoded by entry-rows.ts) is as written: its HMAC recomputes over its
 * fields and its predecessor's hash, and every clear value still present matches its digest (keyed with
 * the subject key, or unkeyed from before it). Data and actor may only be missing from a redacted entry.
 */
export function entryIntact(
  ctx: EntryKeys,
  recordClass: string,
  row: readonly unknown[],
  names: NamesId,
): boolean {
  const redacted = row[COL.redacted] === true
  const actor = row[COL.actor] as string | null
  const subject = row[COL.subjectId] as string | null
  if (actor !== null && !names(row[COL.actorDigest] as string, actor)) return false
  if (subject !== null && !names(row[COL.subjectDigest] as string | null, subject)) return false
  if (row[COL.actorMissing] === true && !redacted) return false
  const data = row[COL.data]
  if (data === null ? !redacted : sha256(canonicalParsed(data)) !== row[COL.dataDigest]) return false
  const hash = entryHash(ctx.auditKey, row[COL.prevHash] as string, {
    vertical: ctx.vertical.name,
    recordClass,
    seq: Number(row[COL.seq]),
    type: row[COL.type] as string,
    createdAt: row[COL.createdAt] as string,
    actorDigest: row[COL.actorDigest] as string,
    subjectDigest: row[COL.subjectDigest] as string | null,
    dataDigest: row[COL.dataDigest] as string,
  })
  return hash === row[COL.hash]
}
