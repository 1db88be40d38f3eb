import { statement } from '../sql'

// Verify reads created_at as the exact ISO text the HMAC covers (no Date parsing per row). The clear
// actor and subject come along: their digests are keyed with the subject key, which PostgreSQL never
// sees, so this process checks them (entry-check.ts).
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The columns of an entry as verify reads them, in this order (rowMode array). */
export const ENTRY = `e.seq, e.type, e.actor_digest, e.subject_digest, e.data, e.data_digest, ${ISO('e.created_at')},
  e.prev_hash, e.hash, e.redacted_at IS NOT NULL, e.redacted_by, e.actor IS NULL, e.actor, e.subject_id`

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

const flag = (condition: string) => `CASE WHEN ${condition} THEN 't' ELSE 'f' END`
const json = (column: string) => `coalesce(to_json(${column})::text, 'null')`

/**
 * A page of entries as one text: a line per entry, fields separated by tabs, in ENTRY's order. Text
 * fields are JSON-encoded (no raw tab or newline survives JSON), so one string crosses the wire and
 * the rows cost a split instead of a driver row each (parsePage).
 */
const PACKED = `string_agg(concat_ws(E'\\t', e.seq, ${json('e.type')}, e.actor_digest, ${json('e.subject_digest')},
  coalesce(e.data::text, 'null'), e.data_digest, ${ISO('e.created_at')}, e.prev_hash, e.hash,
  ${flag('e.redacted_at IS NOT NULL')} || ${flag('e.actor IS NULL')}, ${json('e.redacted_by')}, ${json('e.actor')},
  ${json('e.subject_id')}), E'\\n' ORDER BY e.seq)`

/** Parses a packed page into ENTRY rows. */
export function parsePage(page: string | null): unknown[][] {
  if (page === null || page === '') return []
  return page.split('\n').map((line) => {
    const f = line.split('\t')
    const flags = f[9] ?? ''
    return [
      f[0],
      JSON.parse(f[1] as string),
      f[2],
      JSON.parse(f[3] as string),
      JSON.parse(f[4] as string),
      f[5],
      f[6],
      f[7],
      f[8],
      flags[0] === 't',
      JSON.parse(f[10] as string),
      flags[1] === 't',
      JSON.parse(f[11] as string),
      JSON.parse(f[12] as string),
    ]
  })
}

/** The SQL verify walks chains with, for one schema. */
export function verifyQueries(s: string) {
  const range =
    'e.vertical = $1 AND e.record_class = $2 AND e.seq >= $3 AND e.seq <= $4 ORDER BY e.seq LIMIT $5'
  return {
    page: statement(`SELECT ${PACKED} AS page FROM (SELECT * FROM ${s}.audit_entries e WHERE ${range}) e`),
    // The consent chain: each entry with the consent_events row that names it.
    consentPage:
      statement(`SELECT ${ENTRY}, c.id IS NOT NULL, c.purpose, c.action, c.explicit, c.text_version, c.evidence,
  ${ISO('c.expires_at')}, c.subject_id, ${ISO('c.created_at')}
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
