import { statement } from '../sql'

// Verify asks the driver for every column as text (RAW_TEXT) and decodes rows itself (entry-rows.ts):
// no Date or JSON object the HMAC check would only turn back into text, and no per-row to_char in
// PostgreSQL. The clear actor and subject come along: their digests are keyed with the subject key,
// which PostgreSQL never sees, so this process checks them (once per distinct id and verify).
// Timestamps are read AT TIME ZONE 'UTC' (verify sets DateStyle ISO) so the decoder can rebuild
// the exact ISO text the HMAC covers.
const UTC = (column: string) => `${column} AT TIME ZONE 'UTC'`

/** The raw columns of an entry, in this order (decoded into ENTRY rows by entry-rows.ts). */
export const ENTRY_RAW = `e.seq, e.type, e.actor_digest, e.subject_digest, e.data, e.data_digest, ${UTC('e.created_at')},
  e.prev_hash, e.hash, e.redacted_at IS NOT NULL, e.redacted_by, e.actor, e.subject_id`

/** How many raw columns an entry has (the consent columns follow them). */
export const ENTRY_RAW_WIDTH = 13

/** Indexes into a decoded entry row (entry-rows.ts). */
export const COL = {
  seq: 0,
  type: 1,
  actorDigest: 2,
  subjectDigest: 3,
  data: 4,
  dataDigest: 5,
  createdAt: 6,
  prevHash: 7,
  hash: 8,
  redacted: 9,
  redactedBy: 10,
  actorMissing: 11,
  /** The clear actor, null once redacted. */
  actor: 12,
  /** The clear subject id, null once redacted (or for pseudonymous entries). */
  subjectId: 13,
  // consent chains only: the consent_events row the entry mirrors
  eventFound: 14,
  purpose: 15,
  action: 16,
  explicit: 17,
  textVersion: 18,
  evidence: 19,
  expiresAt: 20,
  /** The clear subject id of the consent_events row. */
  eventSubjectId: 21,
  eventCreatedAt: 22,
} as const

/** Query options that make the driver return every column as its text (or null), unparsed. */
export const RAW_TEXT = { rowMode: 'array', types: { getTypeParser: () => (text: string) => text } } as const

/** The SQL verify walks chains with, for one schema. */
export function verifyQueries(s: string) {
  const range =
    'e.vertical = $1 AND e.record_class = $2 AND e.seq >= $3 AND e.seq <= $4 ORDER BY e.seq LIMIT $5'
  return {
    page: statement(`SELECT ${ENTRY_RAW} FROM ${s}.audit_entries e WHERE ${range}`),
    // The consent chain: each entry with the consent_events row that names it.
    consentPage:
      statement(`SELECT ${ENTRY_RAW}, c.id IS NOT NULL, c.purpose, c.action, c.explicit, c.text_version, c.evidence,
  ${UTC('c.expires_at')}, c.subject_id, ${UTC('c.created_at')}
FROM ${s}.audit_entries e LEFT JOIN ${s}.consent_events c
  ON c.vertical = e.vertical AND c.audit_record_class = e.record_class AND c.audit_seq = e.seq
WHERE ${range}`),
    // Redaction and erasure records, by reference.
    records: statement(`SELECT ${ENTRY_RAW}, e.record_class FROM ${s}.audit_entries e
WHERE e.vertical = $1 AND e.record_class || ':' || e.seq = ANY($2::text[])`),
    // Every granted state must be derived from the latest event of its subject and purpose, and that
    // event must be chained: what check() reads is then what the chain vouches for.
    grantedStates:
      statement(`SELECT s.subject_id, s.purpose, c.id IS NOT NULL AS found, c.audit_record_class, c.audit_seq,
  c.action = 'grant' AND s.explicit = c.explicit AND s.text_version = c.text_version
    AND s.expires_at IS NOT DISTINCT FROM c.expires_at AND s.updated_at = c.created_at AS derived,
  EXISTS (SELECT 1 FROM ${s}.consent_events l WHERE l.vertical = s.vertical AND l.subject_id = s.subject_id
    AND l.purpose = s.purpose AND l.id > c.id) AS superseded,
  EXISTS (SELECT 1 FROM ${s}.audit_entries a WHERE a.vertical = c.vertical AND a.record_class = c.audit_record_class
    AND a.seq = c.audit_seq AND a.type = 'consent.grant' AND a.redacted_at IS NULL) AS chained
FROM ${s}.consent_state s LEFT JOIN ${s}.consent_events c ON c.id = s.event_id
WHERE s.vertical = $1 AND s.status = 'granted'`),
  }
}
