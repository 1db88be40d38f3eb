-- Keyed subject digests. The digests that name subjects and actors are HMAC-SHA256 with the subject key,
-- which stays in the secret store and never reaches the database, so PostgreSQL can no longer compute a
-- digest from a clear id: erasure takes the digests from the caller. Entries written before keep their
-- unkeyed sha256 digests (their chain hashes cover them); erasure and holds still match those.

-- A subject hold keeps the subject's id while it is active, so retention can skip that subject's rows
-- without computing a digest; releasing the hold clears it.
ALTER TABLE legal_holds ADD COLUMN subject_id text;
ALTER TABLE legal_holds ADD CONSTRAINT legal_holds_subject_released
  CHECK (released_at IS NULL OR subject_id IS NULL) NOT VALID;

-- A hold of the subject covers the entries of either digest (the keyed one, or the unkeyed one of
-- entries written before the subject key) and, as before, a hold of the entry itself.
CREATE OR REPLACE FUNCTION audit_entry_held(p_vertical text, p_subject_digest text, p_ref text) RETURNS boolean
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM legal_holds h WHERE h.vertical = p_vertical AND h.released_at IS NULL
    AND (h.subject_digest = p_subject_digest
      OR h.subject_id IS NOT NULL AND encode(sha256(convert_to('id:' || h.subject_id, 'UTF8')), 'hex') = p_subject_digest
      OR (h.record_table = 'audit_entries' AND h.record_ref = p_ref)))
$$;

-- Retention of the consent ledger. p_held lists what holds protect: the ids of held subjects and the
-- unkeyed digests of holds placed before the subject key (an id that looks like a digest only holds more).
CREATE OR REPLACE FUNCTION consent_purge(p_vertical text, p_cutoff timestamptz, p_limit int, p_held text[])
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n bigint;
BEGIN
  DELETE FROM consent_events WHERE id IN (
    SELECT c.id FROM consent_events c WHERE c.vertical = p_vertical AND c.created_at < p_cutoff
      AND c.subject_id <> ALL(p_held)
      AND encode(sha256(convert_to('id:' || c.subject_id, 'UTF8')), 'hex') <> ALL(p_held)
      AND NOT EXISTS (SELECT 1 FROM consent_state s WHERE s.event_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.vertical = c.vertical
        AND e.record_class = c.audit_record_class AND e.seq = c.audit_seq AND e.redacted_at IS NULL)
    ORDER BY c.created_at LIMIT p_limit FOR UPDATE SKIP LOCKED);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;

-- Erasure of a subject, as in 0006, with the subject's digests given (p_digests: the keyed digest, then
-- the unkeyed one): the erasure record must name one of them, and audit entries under either are redacted.
DROP FUNCTION erase_subject(text, text, text, text[], timestamptz);
CREATE FUNCTION erase_subject(p_vertical text, p_subject_id text, p_digests text[], p_record text,
  p_held_records text[], p_at timestamptz)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  record_at timestamptz;
  records jsonb;
  held jsonb;
  states bigint;
  events bigint;
  redacted bigint;
BEGIN
  IF coalesce(cardinality(p_digests), 0) = 0 THEN
    RAISE EXCEPTION 'erase_subject needs the subject''s digests' USING ERRCODE = 'check_violation';
  END IF;
  SELECT r.created_at INTO record_at FROM audit_entries r WHERE r.vertical = p_vertical
    AND r.record_class || ':' || r.seq = p_record AND r.type = 'dsr.erasure.performed'
    AND r.subject_digest = ANY(p_digests);
  IF record_at IS NULL THEN
    RAISE EXCEPTION 'no erasure record % names this subject', p_record USING ERRCODE = 'check_violation';
  END IF;
  WITH gone AS (
    DELETE FROM personal_records WHERE vertical = p_vertical AND subject_id = p_subject_id
      AND id::text <> ALL(p_held_records)
    RETURNING data_class, ARRAY(SELECT jsonb_object_keys(data)) AS fields)
  SELECT coalesce(jsonb_agg(jsonb_build_object('dataClass', data_class, 'fields', fields)), '[]') INTO records FROM gone;
  SELECT coalesce(jsonb_agg(id::text ORDER BY id), '[]') INTO held FROM personal_records
    WHERE vertical = p_vertical AND subject_id = p_subject_id;
  DELETE FROM consent_state WHERE vertical = p_vertical AND subject_id = p_subject_id;
  GET DIAGNOSTICS states = ROW_COUNT;
  DELETE FROM consent_events WHERE vertical = p_vertical AND subject_id = p_subject_id;
  GET DIAGNOSTICS events = ROW_COUNT;
  UPDATE audit_entries SET subject_id = NULL,
    actor = CASE WHEN actor_digest = ANY(p_digests) THEN NULL ELSE actor END,
    data = CASE WHEN type LIKE 'dsr.%' THEN data ELSE NULL END,
    redacted_at = coalesce(redacted_at, p_at), redacted_by = coalesce(redacted_by, p_record)
  WHERE vertical = p_vertical AND (subject_digest = ANY(p_digests) OR actor_digest = ANY(p_digests))
    AND created_at <= record_at
    AND (subject_id IS NOT NULL OR actor IS NOT NULL AND actor_digest = ANY(p_digests)
      OR data IS NOT NULL AND type NOT LIKE 'dsr.%');
  GET DIAGNOSTICS redacted = ROW_COUNT;
  RETURN jsonb_build_object('records', records, 'held', held, 'states', states, 'events', events, 'redacted', redacted);
END
$$;

DO $grants$
DECLARE
  owner_role text := nullif(current_setting('verticals.owner_role', true), '');
  app_role text := nullif(current_setting('verticals.app_role', true), '');
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['erase_subject(text, text, text[], text, text[], timestamptz)',
      'consent_purge(text, timestamptz, int, text[])', 'audit_entry_held(text, text, text)'] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', f, owner_role);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, app_role);
  END LOOP;
END
$grants$;
