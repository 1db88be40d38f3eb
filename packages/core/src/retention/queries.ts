import { statement } from '../sql'

// Rows held by a subject hold (list $h: held ids, and the unkeyed digests of holds placed before the
// subject key) or a record hold (reference list $r) are never picked. Keyed digests cannot be computed
// here (the key never reaches the database), hence the clear ids; an id that looks like a digest only holds more.
const SUBJECT_NOT_HELD = (column: string, param: string) =>
  `(${column} IS NULL OR cardinality(${param}::text[]) = 0 OR ${column} <> ALL(${param}::text[]) AND encode(sha256(convert_to('id:' || ${column}, 'UTF8')), 'hex') <> ALL(${param}::text[]))`

/** The SQL of the retention job for one schema; every write statement touches at most `$4` rows. */
export function retentionQueries(s: string) {
  const auditEligible = `e.vertical = $1 AND e.record_class = $2 AND e.created_at < $3
  AND (e.subject_digest IS NULL OR e.subject_digest <> ALL($5::text[])) AND (e.record_class || ':' || e.seq) <> ALL($6::text[])`
  // Consent rows have no record holds ($6) and no record class column ($2); both are bound for a uniform parameter list.
  const consentEligible = `c.vertical = $1 AND c.created_at < $3 AND ${SUBJECT_NOT_HELD('c.subject_id', '$5')} AND $2::text IS NOT NULL AND $6::text[] IS NOT NULL`
  const stateEligible = `c.vertical = $1 AND c.updated_at < $3 AND (c.status = 'withdrawn' OR c.expires_at < $7)
    AND ${SUBJECT_NOT_HELD('c.subject_id', '$5')} AND $2::text IS NOT NULL AND $6::text[] IS NOT NULL`
  return {
    activeHolds: statement(
      `SELECT subject_digest, subject_id, record_table, record_ref FROM ${s}.legal_holds WHERE vertical = $1 AND released_at IS NULL`,
    ),
    countAudit:
      statement(`SELECT count(*) FILTER (WHERE ${auditEligible}) AS due, count(*) AS expired FROM ${s}.audit_entries e
WHERE e.vertical = $1 AND e.record_class = $2 AND e.created_at < $3 AND ($4::int IS NOT NULL)`),
    countRedact:
      statement(`SELECT count(*) FILTER (WHERE ${auditEligible}) AS due, count(*) AS expired FROM ${s}.audit_entries e
WHERE e.vertical = $1 AND e.record_class = $2 AND e.created_at < $3 AND e.redacted_at IS NULL AND ($4::int IS NOT NULL)`),
    // The batch retention wants to purge, in seq order; audit_purge() deletes it with its checkpoints.
    auditCandidates:
      statement(`SELECT e.seq, e.prev_hash, e.hash FROM ${s}.audit_entries e WHERE ${auditEligible}
ORDER BY e.seq LIMIT $4`),
    purgeAudit: statement(`SELECT ${s}.audit_purge($1, $2, $3, $4::jsonb) AS n`),
    // $7: the retention redaction record ('<record class>:<seq>'), $8: when.
    redactAudit: statement(`SELECT ${s}.audit_redact_expired($1, $2, $3, $4, $7, $8) AS n
WHERE $5::text[] IS NOT NULL AND $6::text[] IS NOT NULL`),
    ...recordQueries(s, false),
    // A record class counted from the last entry: a subject's rows go only together, once the newest is past.
    lastEntry: recordQueries(s, true),
    // An event goes once its chain entry is purged or redacted and no current state points at it.
    countConsent:
      statement(`SELECT count(*) FILTER (WHERE ${consentEligible} AND NOT EXISTS (SELECT 1 FROM ${s}.consent_state st WHERE st.event_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM ${s}.audit_entries a WHERE a.vertical = c.vertical AND a.record_class = c.audit_record_class
      AND a.seq = c.audit_seq AND a.redacted_at IS NULL)) AS due, count(*) AS expired FROM ${s}.consent_events c
WHERE c.vertical = $1 AND c.created_at < $3 AND ($4::int IS NOT NULL)`),
    deleteConsent: statement(
      `SELECT ${s}.consent_purge($1, $3, $4, $5) AS n WHERE $2::text IS NOT NULL AND $6::text[] IS NOT NULL`,
    ),
    // Current states go only once they no longer allow anything: withdrawn, or expired.
    countConsentState:
      statement(`SELECT count(*) FILTER (WHERE ${stateEligible}) AS due, count(*) AS expired FROM ${s}.consent_state c
WHERE c.vertical = $1 AND c.updated_at < $3 AND (c.status = 'withdrawn' OR c.expires_at < $7) AND ($4::int IS NOT NULL)`),
    deleteConsentState: statement(`DELETE FROM ${s}.consent_state WHERE (vertical, subject_id, purpose) IN (
  SELECT c.vertical, c.subject_id, c.purpose FROM ${s}.consent_state c WHERE ${stateEligible} LIMIT $4 FOR UPDATE SKIP LOCKED)`),
    runStarted: statement(
      `INSERT INTO ${s}.retention_runs (vertical, dry_run, started_at) VALUES ($1, $2, $3) RETURNING id`,
    ),
    runFinished: statement(`UPDATE ${s}.retention_runs SET finished_at = $2, report = $3 WHERE id = $1`),
  }
}

// The personal_records statements; with `lastEntry`, a row is eligible only once the subject has no
// row of its class newer than the cutoff (a clinical record is kept from its last entry, not per row).
function recordQueries(s: string, lastEntry: boolean) {
  const newer = lastEntry
    ? `
  AND NOT EXISTS (SELECT 1 FROM ${s}.personal_records l WHERE l.vertical = r.vertical AND l.record_class = r.record_class
    AND l.subject_id = r.subject_id AND l.created_at >= $3)`
    : ''
  const recordEligible = `r.vertical = $1 AND r.record_class = $2 AND r.created_at < $3 AND r.anonymized_at IS NULL
  AND ${SUBJECT_NOT_HELD('r.subject_id', '$5')} AND r.id::text <> ALL($6::text[])${newer}`
  return {
    countRecords:
      statement(`SELECT count(*) FILTER (WHERE ${recordEligible}) AS due, count(*) AS expired FROM ${s}.personal_records r
WHERE r.vertical = $1 AND r.record_class = $2 AND r.created_at < $3 AND r.anonymized_at IS NULL AND ($4::int IS NOT NULL)`),
    deleteRecords: statement(`DELETE FROM ${s}.personal_records WHERE id IN (
  SELECT r.id FROM ${s}.personal_records r WHERE ${recordEligible} ORDER BY r.created_at LIMIT $4 FOR UPDATE SKIP LOCKED)`),
    // Anonymizing drops the subject and the data class's personal fields ($7: data class, $8: fields).
    anonymizeRecords:
      statement(`UPDATE ${s}.personal_records SET subject_id = NULL, data = data - $8::text[], anonymized_at = $9, updated_at = $9
WHERE id IN (
  SELECT r.id FROM ${s}.personal_records r WHERE ${recordEligible} AND r.data_class = $7 ORDER BY r.created_at LIMIT $4 FOR UPDATE SKIP LOCKED)`),
  }
}
