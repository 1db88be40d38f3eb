import type { SubjectKey } from '../subject-key'
import { ENTRY_RAW_WIDTH } from './verify-queries'

/** A row as the driver returns it with RAW_TEXT: every column as text or null. */
export type RawRow = readonly (string | null)[]

/** Whether a digest names a clear id (SubjectKey.names). */
export type NamesId = (digest: string | null, id: string) => boolean

/**
 * Turns raw verify rows into decoded rows (COL's layout): flags to booleans, JSON to values and
 * timestamps to the ISO text the HMAC covers. Also answers whether a digest names an id, remembering
 * each distinct id's digests for this verify: ids repeat across a chain, and each answer costs two
 * digests (keyed, and the unkeyed one of entries written before 0.2).
 */
export class EntryRows {
  private readonly known = new Map<string, readonly [string, string]>()

  constructor(private readonly key: Pick<SubjectKey, 'digests'>) {}

  /** SubjectKey.names, once per distinct id. */
  readonly names: NamesId = (digest, id) => {
    if (digest === null) return false
    let digests = this.known.get(id)
    if (digests === undefined) {
      digests = this.key.digests(id)
      this.known.set(id, digests)
    }
    return digest === digests[0] || digest === digests[1]
  }

  /** Decodes an entry (verify-queries' ENTRY_RAW columns). */
  entry(raw: RawRow): unknown[] {
    const data = raw[4] ?? null
    const actor = raw[11] ?? null
    return [
      raw[0],
      raw[1],
      raw[2] ?? null,
      raw[3] ?? null,
      data === null ? null : JSON.parse(data),
      raw[5],
      isoText(raw[6] ?? null),
      raw[7],
      raw[8],
      raw[9] === 't',
      raw[10] ?? null,
      actor === null,
      actor,
      raw[12] ?? null,
    ]
  }

  /** Decodes an entry of the consent chain with the consent_events columns that follow it. */
  consentEntry(raw: RawRow): unknown[] {
    const row = this.entry(raw)
    const c = ENTRY_RAW_WIDTH
    const evidence = raw[c + 5] ?? null
    row.push(
      raw[c] === 't',
      raw[c + 1],
      raw[c + 2],
      raw[c + 3] === 't',
      raw[c + 4],
      evidence === null ? null : JSON.parse(evidence),
      isoText(raw[c + 6] ?? null),
      raw[c + 7] ?? null,
      isoText(raw[c + 8] ?? null),
    )
    return row
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
