import { canonicalJson } from './canonical'
import type { AuditKey } from './key'

/** The head of one chain as an anchor records it. */
export interface AnchoredHead {
  recordClass: string
  seq: number
  hash: string
}

/** One anchor: the heads of every chain of a vertical at one moment, signed with the audit key. */
export interface AnchorDocument {
  version: 1
  platform: string
  vertical: string
  /** When the heads were read (ISO 8601). */
  at: string
  heads: AnchoredHead[]
  /** The key of the anchor before this one, if there was one. */
  previous: string | null
  /** HMAC-SHA256 with the audit key over everything above. */
  signature: string
}

/**
 * Where anchors are kept, outside the database: an S3 bucket with Object Lock in compliance mode in
 * production (`@verticals/core/s3`), anything that keeps the same promises elsewhere. The contract:
 * `put` never replaces an object (it rejects when the key exists) and keeps it at least until
 * `retainUntil`; `latest` returns the anchor with the lexicographically smallest key under a prefix,
 * which anchorKey() makes the newest.
 */
export interface AnchorSink {
  put(key: string, body: string, retainUntil: Date): Promise<void>
  latest(prefix: string): Promise<{ key: string; body: string } | undefined>
}

// Keys sort newest first: the time is stored as the milliseconds left until the year 2286.
const MAX_MS = 9_999_999_999_999

/** Whose chains an anchor holds: the platform, the PostgreSQL schema and the vertical. */
export interface AnchorScope {
  platform: string
  schema: string
  vertical: string
}

/** The key prefix of a vertical's anchors. */
export function anchorPrefix(scope: AnchorScope): string {
  return `audit-anchors/${scope.platform}/${scope.schema}/${scope.vertical}/`
}

/** The key of an anchor taken at `at`: newer anchors sort first; the suffix keeps equal times apart. */
export function anchorKey(scope: AnchorScope, at: Date, suffix: string): string {
  const left = String(MAX_MS - at.getTime()).padStart(13, '0')
  return `${anchorPrefix(scope)}${left}-${at.toISOString().replace(/[:.]/g, '')}-${suffix}.json`
}

/** Signs an anchor's fields. */
export function signAnchor(key: AuditKey, doc: Omit<AnchorDocument, 'signature'>): AnchorDocument {
  return { ...doc, signature: key.mac(`anchor\n${canonicalJson(doc)}`) }
}

/** Parses an anchor and checks its signature; undefined when it is not one this key signed. */
export function readAnchor(key: AuditKey, body: string): AnchorDocument | undefined {
  let doc: AnchorDocument
  try {
    doc = JSON.parse(body) as AnchorDocument
  } catch {
    return undefined
  }
  if (typeof doc !== 'object' || doc === null || doc.version !== 1 || !Array.isArray(doc.heads))
    return undefined
  const { signature, ...fields } = doc
  return signAnchor(key, fields).signature === signature ? doc : undefined
}

/** An in-memory sink: for tests and for a service that anchors nowhere else yet. Never use it as proof. */
export function memoryAnchorSink(): AnchorSink & { readonly objects: ReadonlyMap<string, string> } {
  const objects = new Map<string, string>()
  return {
    objects,
    async put(key, body) {
      if (objects.has(key)) throw new Error(`anchor ${key} exists and may not be replaced`)
      objects.set(key, body)
    },
    async latest(prefix) {
      const key = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort()[0]
      return key === undefined ? undefined : { key, body: objects.get(key) as string }
    },
  }
}
