import { statement } from '../sql'
import type { DsrKind } from './deadlines'
import type { IdentityVerification } from './verification'

const REQUEST =
  'id, subject_id, subject_digest, kind, status, jurisdiction, opened_at, due_at, legal_due_at, closed_at, result, verification'

/** The SQL of data-subject requests, export and erasure for one schema. */
export function dsrQueries(s: string) {
  return {
    open: statement(`INSERT INTO ${s}.dsr_requests (vertical, subject_id, subject_digest, kind, status, jurisdiction, opened_at, due_at, legal_due_at, verification)
VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9) RETURNING ${REQUEST}`),
    get: statement(`SELECT ${REQUEST} FROM ${s}.dsr_requests WHERE vertical = $1 AND id = $2`),
    close: statement(`UPDATE ${s}.dsr_requests SET status = $3, closed_at = $4, result = $5
WHERE vertical = $1 AND id = $2 AND status = 'open' RETURNING ${REQUEST}`),
    overdue: statement(
      `SELECT ${REQUEST} FROM ${s}.dsr_requests WHERE vertical = $1 AND status = 'open' AND due_at < $2 ORDER BY due_at`,
    ),
    backlog:
      statement(`SELECT kind, count(*) AS open, count(*) FILTER (WHERE due_at < $2) AS overdue, min(opened_at) AS oldest
FROM ${s}.dsr_requests WHERE vertical = $1 AND status = 'open' GROUP BY kind`),
    subjectRequests: statement(
      `SELECT ${REQUEST} FROM ${s}.dsr_requests WHERE vertical = $1 AND subject_digest = ANY($2::text[]) ORDER BY opened_at`,
    ),
    subjectAudit: statement(`SELECT record_class, seq, type, actor, data, created_at FROM ${s}.audit_entries
WHERE vertical = $1 AND (subject_digest = ANY($2::text[]) OR actor_digest = ANY($2::text[])) ORDER BY created_at, record_class, seq`),
    consentEvents:
      statement(`SELECT id, purpose, action, explicit, text_version, evidence, expires_at, created_at FROM ${s}.consent_events
WHERE vertical = $1 AND subject_id = $2 ORDER BY id`),
    consentState:
      statement(`SELECT purpose, status, explicit, text_version, expires_at, updated_at FROM ${s}.consent_state
WHERE vertical = $1 AND subject_id = $2 ORDER BY purpose`),
    // Erasure (erase_subject, migration 0008: $3 the keyed digest the erasure record names, then the unkeyed one): audit entries keep their hashes and digests, so the chain
    // still verifies; entries about the request itself (dsr.*) keep their data, which names no one.
    erase: statement(`SELECT ${s}.erase_subject($1, $2, $3::text[], $4, $5, $6) AS erased`),
    forgetRequests: statement(
      `UPDATE ${s}.dsr_requests SET subject_id = NULL WHERE vertical = $1 AND subject_digest = ANY($2::text[])`,
    ),
    dutyRecords: statement(`SELECT id, record_class, data_class, created_at FROM ${s}.personal_records
WHERE vertical = $1 AND subject_id = $2 AND record_class = ANY($3::text[]) ORDER BY id`),
    recordHolds: statement(`SELECT record_ref FROM ${s}.legal_holds
WHERE vertical = $1 AND record_table = 'personal_records' AND released_at IS NULL`),
  }
}

/** A dsr_requests row. */
export interface RequestRow {
  id: string
  subject_id: string | null
  subject_digest: string
  kind: DsrKind
  status: 'open' | 'fulfilled' | 'rejected'
  jurisdiction: string
  opened_at: Date
  due_at: Date
  legal_due_at: Date
  closed_at: Date | null
  result: Record<string, unknown> | null
  verification: IdentityVerification | null
}
