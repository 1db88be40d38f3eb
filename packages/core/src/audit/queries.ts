import { statement } from '../sql'

// One statement moves the chain head from the state the batch was hashed on ($16, $17) and inserts the
// batch. When another writer moved the head first, the UPDATE matches nothing, nothing is inserted, and
// the appender re-reads the head and re-hashes: optimistic, one round trip, never a fork.
const appendBatch = (schema: string) => `WITH head AS (
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
)`

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
    appendBatch: statement(`${appendBatch(schema)}
SELECT (SELECT count(*) FROM ins)::int AS inserted`),
    // The same, plus the consent events the batch's mirror entries chain ($18..$25) and the derived state
    // of each subject and purpose (its latest event in the batch), all in the one statement.
    appendConsentBatch: statement(`${appendBatch(schema)}, ev AS (
  INSERT INTO ${schema}.consent_events (vertical, subject_id, purpose, action, explicit, text_version, evidence, expires_at, created_at, audit_record_class, audit_seq)
  SELECT $1, c.subject_id, c.purpose, c.action, c.explicit, c.text_version, c.evidence, c.expires_at, $14, $2, c.seq
  FROM unnest($18::bigint[], $19::text[], $20::text[], $21::text[], $22::boolean[], $23::text[], $24::jsonb[], $25::timestamptz[])
    AS c(seq, subject_id, purpose, action, explicit, text_version, evidence, expires_at)
  WHERE EXISTS (SELECT 1 FROM head)
  RETURNING id, subject_id, purpose, action, explicit, text_version, expires_at, created_at, audit_seq
), st AS (
  INSERT INTO ${schema}.consent_state (vertical, subject_id, purpose, status, explicit, text_version, expires_at, event_id, updated_at)
  SELECT DISTINCT ON (subject_id, purpose) $1, subject_id, purpose, CASE WHEN action = 'grant' THEN 'granted' ELSE 'withdrawn' END,
    explicit, text_version, expires_at, id, created_at
  FROM ev ORDER BY subject_id, purpose, audit_seq DESC
  ON CONFLICT (vertical, subject_id, purpose) DO UPDATE SET status = excluded.status, explicit = excluded.explicit,
    text_version = excluded.text_version, expires_at = excluded.expires_at, event_id = excluded.event_id, updated_at = excluded.updated_at
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted,
  (SELECT coalesce(json_agg(json_build_array(audit_seq, id::text)), '[]') FROM ev) AS events`),
    beyondHead: statement(
      `SELECT min(seq) AS seq FROM ${schema}.audit_entries WHERE vertical = $1 AND record_class = $2 AND seq > $3`,
    ),
    one: statement(
      `SELECT hash FROM ${schema}.audit_entries WHERE vertical = $1 AND record_class = $2 AND seq = $3`,
    ),
    heads: statement(
      `SELECT record_class, last_seq, last_hash FROM ${schema}.audit_chains WHERE vertical = $1 ORDER BY record_class`,
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
