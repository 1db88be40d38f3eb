import { idDigest } from './canonical'
import { ENTRY_RAW_WIDTH } from './verify-queries'

/** A row as the driver returns it with RAW_TEXT: every column as text or null. */
export type RawRow = readonly (string | null)[]

/**
 * Turns raw verify rows into decoded rows (COL's layout): flags to booleans, JSON to values,
 * timestamps to the ISO text the HMAC covers, and each clear actor or subject id checked against
 * its digest. Ids repeat across a chain, so each distinct id is digested once per verify.
 */
export class EntryRows {
  private readonly digests = new Map<string, string>()

  /** Decodes an entry (verify-queries' ENTRY_RAW columns). */
  entry(raw: RawRow): unknown[] {
    const actor = raw[11] ?? null
    const subject = raw[12] ?? null
    const actorDigest = raw[2] ?? null
    const subjectDigest = raw[3] ?? null
    return [
      raw[0],
      raw[1],
      actorDigest,
      subjectDigest,
      raw[4] == null ? null : JSON.parse(raw[4]),
      raw[5],
      isoText(raw[6] ?? null),
      raw[7],
      raw[8],
      raw[9] === 't',
      raw[10] ?? null,
      actor === null,
      actor === null || this.matches(actor, actorDigest),
      subject === null || this.matches(subject, subjectDigest),
    ]
  }

  /** Decodes an entry of the consent chain with the consent_events columns that follow it. */
  consentEntry(raw: RawRow): unknown[] {
    const row = this.entry(raw)
    const c = ENTRY_RAW_WIDTH
    const evidence = raw[c + 5] ?? null
    const eventSubject = raw[c + 7] ?? null
    row.push(
      raw[c] === 't',
      raw[c + 1],
      raw[c + 2],
      raw[c + 3] === 't',
      raw[c + 4],
      evidence === null ? null : JSON.parse(evidence),
      isoText(raw[c + 6] ?? null),
      eventSubject !== null && this.matches(eventSubject, row[3] as string | null),
      isoText(raw[c + 8] ?? null),
    )
    return row
  }

  private matches(id: string, digest: string | null): boolean {
    if (digest === null) return false
    let known = this.digests.get(id)
    if (known === undefined) {
      known = idDigest(id)
      this.digests.set(id, known)
    }
    return known === digest
  }
}

/**
 * A UTC timestamp as PostgreSQL writes it with DateStyle ISO ('2026-01-01 10:00:00.123456') in the
 * form toISOString() writes ('2026-01-01T10:00:00.123Z'), milliseconds truncated as to_char's MS does.
 */
export function isoText(timestamp: string | null): string | null {
  if (timestamp === null) return null
  const fraction = timestamp.length > 20 ? timestamp.slice(20, 23).padEnd(3, '0') : '000'
  return `${timestamp.slice(0, 10)}T${timestamp.slice(11, 19)}.${fraction}Z`
}
