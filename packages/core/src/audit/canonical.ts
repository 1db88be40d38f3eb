import { hash } from 'node:crypto'
import type { AuditKey } from './key'

/** The prev_hash of the first entry of every chain. */
export const GENESIS = '0'.repeat(64)

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`
}

/**
 * canonicalJson of a value JSON.parse returned (no undefined, functions or holes), with less garbage:
 * string concatenation, and keys sorted only when they are not in order already.
 */
export function canonicalParsed(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + canonicalParsed(value[i])
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  for (let i = 1; i < keys.length; i += 1)
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort()
      break
    }
  let out = '{'
  for (let i = 0; i < keys.length; i += 1) {
    const k = keys[i] as string
    out += `${i === 0 ? '' : ','}${JSON.stringify(k)}:${canonicalParsed(record[k])}`
  }
  return `${out}}`
}

/** Hex sha256 of a UTF-8 text (one-shot: half the cost of a Hash object for texts this short). */
export function sha256(text: string): string {
  return hash('sha256', text)
}

/**
 * The unkeyed digest of a subject or actor id that entries written before the subject key carry; new
 * digests are keyed (SubjectKey.digest), so a guessable id cannot be re-linked to them.
 */
export function idDigest(id: string): string {
  return sha256(`id:${id}`)
}

/** The fields of an entry that its hash covers: clear personal values only through their digests. */
export interface HashedFields {
  vertical: string
  recordClass: string
  seq: number
  type: string
  /** A Date, or its ISO text exactly as toISOString() writes it. */
  createdAt: Date | string
  actorDigest: string
  subjectDigest: string | null
  dataDigest: string
}

/** HMAC-SHA256 (the audit key) over the previous hash and the canonical encoding of the entry. */
export function entryHash(key: Pick<AuditKey, 'mac'>, prevHash: string, f: HashedFields): string {
  // Every member is a string, number or null, so JSON.stringify is already canonical (and faster).
  const body = JSON.stringify([
    f.vertical,
    f.recordClass,
    f.seq,
    f.type,
    typeof f.createdAt === 'string' ? f.createdAt : f.createdAt.toISOString(),
    f.actorDigest,
    f.subjectDigest,
    f.dataDigest,
  ])
  return key.mac(`${prevHash}\n${body}`)
}

/** What a retention checkpoint vouches for: entries from..to were purged between prevHash and lastHash. */
export interface CheckpointFields {
  vertical: string
  recordClass: string
  fromSeq: number
  toSeq: number
  prevHash: string
  lastHash: string
  purged: number
}

/** The checkpoint's signature: HMAC-SHA256 with the audit key. */
export function signCheckpoint(c: CheckpointFields, key: AuditKey): string {
  const body = canonicalJson([
    c.vertical,
    c.recordClass,
    c.fromSeq,
    c.toSeq,
    c.prevHash,
    c.lastHash,
    c.purged,
  ])
  return key.mac(`checkpoint\n${body}`)
}
