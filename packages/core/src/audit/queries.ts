import { statement } from '../sql'

const ENTRY_COLUMNS =
  'seq, type, actor, actor_digest, subject_id, subject_digest, data, data_digest, created_at, prev_hash, hash, redacted_at'

/** The SQL of the audit log for one schema, built once with stable statement names. */
export function auditQueries(schema: string) {
  return {
    createHead: statement(
      `INSERT INTO ${schema}.audit_chains (vertical, record_class, last_seq, last_hash, last_at)
VALUES ($1, $2, 0, $3, 'epoch') ON CONFLICT DO NOTHING`,
    ),
    readHead: statement(
      `SELECT last_seq, last_hash, last_at FROM ${schema}.audit_chains WHERE vertical = $1 AND record_class = $2`,
    ),
    head: statement(
      `SELECT last_seq, last_hash FROM ${schema}.audit_chains WHERE vertical = $1 AND record_class = $2`,
    ),
    chains: statement(
      `SELECT record_class FROM ${schema}.audit_chains WHERE vertical = $1 ORDER BY record_class`,
    ),
    // One statement moves the chain head from the state the batch was hashed on ($16, $17) and inserts the
    // batch. When another writer moved the head first, the UPDATE matches nothing, nothing is inserted, and
    // the appender re-reads the head and re-hashes: optimistic, one round trip, never a fork.
    appendBatch: statement(`WITH head AS (
  UPDATE ${schema}.audit_chains SET last_seq = $13, last_hash = $15, last_at = $14
  WHERE vertical = $1 AND record_class = $2 AND last_seq = $16 AND last_hash = $17
  RETURNING 1
), ins AS (
  INSERT INTO ${schema}.audit_entries (vertical, record_class, seq, type, actor, actor_digest, subject_id, subject_digest, data, data_digest, created_at, prev_hash, hash)
  SELECT $1, $2, u.seq, u.type, u.actor, u.actor_digest, u.subject_id, u.subject_digest, u.data, u.data_digest, $14, u.prev_hash, u.hash
  FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[], $12::text[])
    AS u(seq, type, actor, actor_digest, subject_id, subject_digest, data, data_digest, prev_hash, hash)
  WHERE EXISTS (SELECT 1 FROM head)
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`),
    page: statement(
      `SELECT ${ENTRY_COLUMNS} FROM ${schema}.audit_entries
WHERE vertical = $1 AND record_class = $2 AND seq >= $3 AND seq <= $4 ORDER BY seq LIMIT $5`,
    ),
    beyondHead: statement(
      `SELECT min(seq) AS seq FROM ${schema}.audit_entries WHERE vertical = $1 AND record_class = $2 AND seq > $3`,
    ),
    one: statement(
      `SELECT hash FROM ${schema}.audit_entries WHERE vertical = $1 AND record_class = $2 AND seq = $3`,
    ),
    seqRange: statement(
      `SELECT min(seq) AS lo, max(seq) AS hi FROM ${schema}.audit_entries
WHERE vertical = $1 AND record_class = $2 AND created_at >= $3 AND created_at <= $4`,
    ),
    checkpoints: statement(
      `SELECT from_seq, to_seq, prev_hash, last_hash, purged, signature FROM ${schema}.audit_checkpoints
WHERE vertical = $1 AND record_class = $2`,
    ),
  }
}

/** A row of audit_entries as verify reads it. */
export interface EntryRow {
  seq: string
  type: string
  actor: string | null
  actor_digest: string
  subject_id: string | null
  subject_digest: string | null
  data: unknown
  data_digest: string
  created_at: Date
  prev_hash: string
  hash: string
  redacted_at: Date | null
}
