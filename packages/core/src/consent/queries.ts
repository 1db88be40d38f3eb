import { statement } from '../sql'

/** The SQL of the consent store for one schema, built once with stable statement names. */
export function consentQueries(schema: string) {
  return {
    state: statement(
      `SELECT status, expires_at FROM ${schema}.consent_state WHERE vertical = $1 AND subject_id = $2 AND purpose = $3`,
    ),
    // One statement appends the ledger event and rewrites the derived state: both or neither.
    record: statement(`WITH e AS (
  INSERT INTO ${schema}.consent_events (vertical, subject_id, purpose, action, explicit, text_version, evidence, expires_at, created_at)
  VALUES ($1, $2, $3, $4::text, $5, $6, $7, $8, $9) RETURNING id, created_at
)
INSERT INTO ${schema}.consent_state (vertical, subject_id, purpose, status, explicit, text_version, expires_at, event_id, updated_at)
SELECT $1, $2, $3, CASE WHEN $4::text = 'grant' THEN 'granted' ELSE 'withdrawn' END, $5, $6, $8, e.id, e.created_at FROM e
ON CONFLICT (vertical, subject_id, purpose) DO UPDATE SET status = excluded.status, explicit = excluded.explicit,
  text_version = excluded.text_version, expires_at = excluded.expires_at, event_id = excluded.event_id, updated_at = excluded.updated_at
RETURNING event_id`),
    history: statement(
      `SELECT id, purpose, action, explicit, text_version, evidence, expires_at, created_at FROM ${schema}.consent_events
WHERE vertical = $1 AND subject_id = $2 ORDER BY id`,
    ),
    expiring: statement(
      `SELECT subject_id, purpose, expires_at FROM ${schema}.consent_state
WHERE vertical = $1 AND status = 'granted' AND expires_at > $2 AND expires_at <= $3 ORDER BY expires_at LIMIT $4`,
    ),
  }
}
