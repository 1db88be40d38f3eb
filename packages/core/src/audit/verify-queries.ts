import { statement } from '../sql'

// Verify reads created_at as the exact ISO text the HMAC covers (no Date parsing per row) and lets
// PostgreSQL check the actor and subject digests (sha256 in C) while this process checks the HMACs.
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
const ID_OK = (value: string, digest: string) =>
  `(${value} IS NULL OR ${digest} IS NOT NULL AND encode(sha256(convert_to('id:' || ${value}, 'UTF8')), 'hex') = ${digest})`

/** The columns of an entry as verify reads them, in this order (rowMode array). */
export const ENTRY = `e.seq, e.type, e.actor_digest, e.subject_digest, e.data, e.data_digest, ${ISO('e.created_at')},
  e.prev_hash, e.hash, e.redacted_at IS NOT NULL, e.redacted_by, e.actor IS NULL, ${ID_OK('e.actor', 'e.actor_digest')},
  ${ID_OK('e.subject_id', 'e.subject_digest')}`

/** Indexes into an ENTRY row. */
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
  actorOk: 12,
  subjectOk: 13,
  // consent chains only: the consent_events row the entry mirrors
  eventFound: 14,
  purpose: 15,
  action: 16,
  explicit: 17,
  textVersion: 18,
  evidence: 19,
  expiresAt: 20,
  eventSubjectOk: 21,
  eventCreatedAt: 22,
} as const

/** The SQL verify walks chains with, for one schema. */
export function verifyQueries(s: string) {
  const range =
    'e.vertical = $1 AND e.record_class = $2 AND e.seq >= $3 AND e.seq <= $4 ORDER BY e.seq LIMIT $5'
  return {
    page: statement(`SELECT ${ENTRY} FROM ${s}.audit_entries e WHERE ${range}`),
    // The consent chain: each entry with the consent_events row that names it.
    consentPage:
      statement(`SELECT ${ENTRY}, c.id IS NOT NULL, c.purpose, c.action, c.explicit, c.text_version, c.evidence,
  ${ISO('c.expires_at')}, ${ID_OK('c.subject_id', 'e.subject_digest')} AND c.subject_id IS NOT NULL, ${ISO('c.created_at')}
FROM ${s}.audit_entries e LEFT JOIN ${s}.consent_events c
  ON c.vertical = e.vertical AND c.audit_record_class = e.record_class AND c.audit_seq = e.seq
WHERE ${range}`),
    // Redaction and erasure records, by reference.
    records:
      statement(`SELECT e.record_class || ':' || e.seq AS ref, ${ENTRY}, e.record_class FROM ${s}.audit_entries e
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
