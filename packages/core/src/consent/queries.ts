import { statement } from '../sql'

/** The SQL of the consent store for one schema, built once with stable statement names. */
export function consentQueries(schema: string) {
  return {
    // The state and, in one round trip, any restriction or objection in force for the purpose.
    state:
      statement(`SELECT s.status, s.expires_at, s.text_version, (SELECT r.kind FROM ${schema}.subject_restrictions r
  WHERE r.vertical = $1 AND r.subject_id = $2 AND r.lifted_at IS NULL AND (r.kind = 'restriction' OR $3 = ANY(r.purposes))
  ORDER BY r.kind DESC LIMIT 1) AS restricted
FROM (SELECT 1) one LEFT JOIN ${schema}.consent_state s ON s.vertical = $1 AND s.subject_id = $2 AND s.purpose = $3`),
    // A purpose on another legal basis needs no consent, but a restriction or objection still stops it.
    restriction: statement(`SELECT r.kind AS restricted FROM ${schema}.subject_restrictions r
WHERE r.vertical = $1 AND r.subject_id = $2 AND r.lifted_at IS NULL AND (r.kind = 'restriction' OR $3 = ANY(r.purposes))
ORDER BY r.kind DESC LIMIT 1`),
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
