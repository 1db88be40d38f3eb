import { statement } from '../sql'

/** The SQL of the consent store for one schema, built once with stable statement names. */
export function consentQueries(schema: string) {
  return {
    state: statement(
      `SELECT status, expires_at, text_version FROM ${schema}.consent_state WHERE vertical = $1 AND subject_id = $2 AND purpose = $3`,
    ),
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
