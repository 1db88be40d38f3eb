-- Records that hold against an insider. The application role may INSERT and SELECT the ledgers
-- (audit_entries, audit_checkpoints, consent_events) but never UPDATE, DELETE or TRUNCATE them: rows
-- leave a ledger only through the SECURITY DEFINER functions below, each of which removes or redacts
-- exactly what a chain entry or a signed checkpoint accounts for. Everything belongs to the owner role.
-- The role names come from settings that platform.migrate() and the compliance bundle's SQL files set:
-- verticals.owner_role, verticals.app_role and verticals.provision_roles (create | expect).

-- A redaction names the chain entry that caused it ('<record class>:<seq>'): an erasure record of the
-- subject, or a retention redaction record. verify() reports a redaction without one.
ALTER TABLE audit_entries ADD COLUMN redacted_by text;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_redaction
  CHECK ((redacted_at IS NULL) = (redacted_by IS NULL)) NOT VALID;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_formats CHECK (
  hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$' AND actor_digest ~ '^[0-9a-f]{64}$'
  AND data_digest ~ '^[0-9a-f]{64}$' AND (subject_digest IS NULL OR subject_digest ~ '^[0-9a-f]{64}$')) NOT VALID;
ALTER TABLE audit_chains ADD CONSTRAINT audit_chains_formats
  CHECK (last_hash ~ '^[0-9a-f]{64}$' AND last_seq >= 0) NOT VALID;
ALTER TABLE audit_checkpoints ADD CONSTRAINT audit_checkpoints_formats CHECK (
  prev_hash ~ '^[0-9a-f]{64}$' AND last_hash ~ '^[0-9a-f]{64}$' AND signature ~ '^[0-9a-f]{64}$'
  AND purged = to_seq - from_seq + 1) NOT VALID;

-- Every consent event is mirrored by an entry of the audit chain (its record class and seq), whose
-- HMAC covers the event's digest: a rewritten event no longer matches its entry.
ALTER TABLE consent_events ADD COLUMN audit_record_class text;
ALTER TABLE consent_events ADD COLUMN audit_seq bigint;
ALTER TABLE consent_events ADD CONSTRAINT consent_events_chained
  CHECK (audit_record_class IS NOT NULL AND audit_seq IS NOT NULL) NOT VALID;
CREATE UNIQUE INDEX consent_events_chain_idx ON consent_events (vertical, audit_record_class, audit_seq);
ALTER TABLE consent_events ADD CONSTRAINT consent_events_evidence CHECK (
  jsonb_typeof(evidence) = 'object' AND coalesce(length(btrim(evidence ->> 'collectedBy')), 0) > 0
  AND coalesce(length(btrim(evidence ->> 'method')), 0) > 0
  AND coalesce(evidence ->> 'textVersion' = text_version, false)) NOT VALID;
ALTER TABLE consent_events ADD CONSTRAINT consent_events_expiry
  CHECK (expires_at IS NULL OR expires_at > created_at) NOT VALID;
ALTER TABLE consent_state ADD CONSTRAINT consent_state_event
  FOREIGN KEY (event_id) REFERENCES consent_events (id) NOT VALID;
CREATE INDEX consent_state_event_idx ON consent_state (event_id);
ALTER TABLE consent_state ADD CONSTRAINT consent_state_expiry
  CHECK (expires_at IS NULL OR expires_at > updated_at) NOT VALID;

ALTER TABLE dsr_requests ADD CONSTRAINT dsr_requests_formats CHECK (
  subject_digest ~ '^[0-9a-f]{64}$' AND due_at >= opened_at AND legal_due_at >= opened_at
  AND (closed_at IS NULL OR closed_at >= opened_at)) NOT VALID;
ALTER TABLE legal_holds ADD CONSTRAINT legal_holds_formats
  CHECK (subject_digest IS NULL OR subject_digest ~ '^[0-9a-f]{64}$') NOT VALID;

-- Whether an audit entry is under an active legal hold (of its subject, or of the entry itself).
CREATE FUNCTION audit_entry_held(p_vertical text, p_subject_digest text, p_ref text) RETURNS boolean
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM legal_holds h WHERE h.vertical = p_vertical AND h.released_at IS NULL
    AND (h.subject_digest = p_subject_digest OR (h.record_table = 'audit_entries' AND h.record_ref = p_ref)))
$$;

-- Retention (delete): removes expired entries of one chain only as whole runs, each with the signed
-- checkpoint that bridges it ({fromSeq, toSeq, prevHash, lastHash, signature}); the run must exist,
-- be older than the cutoff, not be held, and start and end with the hashes the checkpoint names.
CREATE FUNCTION audit_purge(p_vertical text, p_class text, p_cutoff timestamptz, p_checkpoints jsonb)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  cp jsonb;
  n bigint;
  total bigint := 0;
  v_from bigint;
  v_to bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('verticals:retention:' || current_schema() || ':' || p_vertical || ':' || p_class, 0));
  FOR cp IN SELECT * FROM jsonb_array_elements(p_checkpoints) LOOP
    v_from := (cp ->> 'fromSeq')::bigint;
    v_to := (cp ->> 'toSeq')::bigint;
    SELECT count(*) INTO n FROM audit_entries e
      WHERE e.vertical = p_vertical AND e.record_class = p_class AND e.seq BETWEEN v_from AND v_to
        AND e.created_at < p_cutoff AND NOT audit_entry_held(p_vertical, e.subject_digest, p_class || ':' || e.seq);
    IF n <> v_to - v_from + 1
      OR NOT EXISTS (SELECT 1 FROM audit_entries WHERE vertical = p_vertical AND record_class = p_class
        AND seq = v_from AND prev_hash = cp ->> 'prevHash')
      OR NOT EXISTS (SELECT 1 FROM audit_entries WHERE vertical = p_vertical AND record_class = p_class
        AND seq = v_to AND hash = cp ->> 'lastHash') THEN
      RAISE EXCEPTION 'audit entries %..% of chain % do not match the checkpoint', v_from, v_to, p_class
        USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO audit_checkpoints (vertical, record_class, from_seq, to_seq, prev_hash, last_hash, purged, signature)
      VALUES (p_vertical, p_class, v_from, v_to, cp ->> 'prevHash', cp ->> 'lastHash', n, cp ->> 'signature');
    DELETE FROM audit_entries WHERE vertical = p_vertical AND record_class = p_class AND seq BETWEEN v_from AND v_to;
    total := total + n;
  END LOOP;
  RETURN total;
END
$$;

-- Retention (anonymize): redacts up to p_limit expired entries of one chain, naming the retention
-- redaction record (type retention.redaction, data {recordClass, before}) that covers them.
CREATE FUNCTION audit_redact_expired(p_vertical text, p_class text, p_cutoff timestamptz, p_limit int,
  p_record text, p_at timestamptz)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_entries r WHERE r.vertical = p_vertical
      AND r.record_class || ':' || r.seq = p_record AND r.type = 'retention.redaction'
      AND r.data ->> 'recordClass' = p_class AND (r.data ->> 'before')::timestamptz >= p_cutoff) THEN
    RAISE EXCEPTION 'no retention redaction record % covers chain % before %', p_record, p_class, p_cutoff
      USING ERRCODE = 'check_violation';
  END IF;
  UPDATE audit_entries SET actor = NULL, subject_id = NULL, data = NULL, redacted_at = p_at, redacted_by = p_record
  WHERE ctid = ANY(ARRAY(
    SELECT e.ctid FROM audit_entries e WHERE e.vertical = p_vertical AND e.record_class = p_class
      AND e.created_at < p_cutoff AND e.redacted_at IS NULL
      AND NOT audit_entry_held(p_vertical, e.subject_digest, p_class || ':' || e.seq)
    ORDER BY e.seq LIMIT p_limit FOR UPDATE SKIP LOCKED));
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;

-- Retention of the consent ledger: an event goes once its audit entry is gone (purged under a signed
-- checkpoint) or redacted, and no current state points at it, unless its subject is held.
CREATE FUNCTION consent_purge(p_vertical text, p_cutoff timestamptz, p_limit int, p_held text[])
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n bigint;
BEGIN
  DELETE FROM consent_events WHERE id IN (
    SELECT c.id FROM consent_events c WHERE c.vertical = p_vertical AND c.created_at < p_cutoff
      AND encode(sha256(convert_to('id:' || c.subject_id, 'UTF8')), 'hex') <> ALL(p_held)
      AND NOT EXISTS (SELECT 1 FROM consent_state s WHERE s.event_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.vertical = c.vertical
        AND e.record_class = c.audit_record_class AND e.seq = c.audit_seq AND e.redacted_at IS NULL)
    ORDER BY c.created_at LIMIT p_limit FOR UPDATE SKIP LOCKED);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;

-- Erasure of a subject: only with the erasure record (a chain entry of type dsr.erasure.performed that
-- names the subject's digest) given as p_record. Deletes the subject's personal records (except those
-- held, p_held_records), consent state and events, and redacts audit entries about or by the subject
-- written up to that record, naming it; entries about the request itself (dsr.*) keep their data.
CREATE FUNCTION erase_subject(p_vertical text, p_subject_id text, p_record text, p_held_records text[],
  p_at timestamptz)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  digest text := encode(sha256(convert_to('id:' || p_subject_id, 'UTF8')), 'hex');
  record_at timestamptz;
  records jsonb;
  held jsonb;
  states bigint;
  events bigint;
  redacted bigint;
BEGIN
  SELECT r.created_at INTO record_at FROM audit_entries r WHERE r.vertical = p_vertical
    AND r.record_class || ':' || r.seq = p_record AND r.type = 'dsr.erasure.performed' AND r.subject_digest = digest;
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
    actor = CASE WHEN actor_digest = digest THEN NULL ELSE actor END,
    data = CASE WHEN type LIKE 'dsr.%' THEN data ELSE NULL END,
    redacted_at = coalesce(redacted_at, p_at), redacted_by = coalesce(redacted_by, p_record)
  WHERE vertical = p_vertical AND (subject_digest = digest OR actor_digest = digest) AND created_at <= record_at
    AND (subject_id IS NOT NULL OR actor IS NOT NULL AND actor_digest = digest OR data IS NOT NULL AND type NOT LIKE 'dsr.%');
  GET DIAGNOSTICS redacted = ROW_COUNT;
  RETURN jsonb_build_object('records', records, 'held', held, 'states', states, 'events', events, 'redacted', redacted);
END
$$;

-- Roles, ownership and grants. Missing roles are created (NOLOGIN) or, with provision_roles = expect,
-- refused with a hint; the owner role then owns the schema and everything in it.
DO $roles$
DECLARE
  owner_role text := nullif(current_setting('verticals.owner_role', true), '');
  app_role text := nullif(current_setting('verticals.app_role', true), '');
  provision text := coalesce(nullif(current_setting('verticals.provision_roles', true), ''), 'create');
  s text := current_schema();
  r text;
  obj record;
BEGIN
  IF owner_role IS NULL OR app_role IS NULL THEN
    RAISE EXCEPTION 'verticals.owner_role and verticals.app_role are not set'
      USING HINT = 'platform.migrate() sets them from dataStores.postgres.roles; so does the header of each bundle SQL file.';
  END IF;
  IF owner_role = app_role THEN
    RAISE EXCEPTION 'the owner role and the application role must differ (both are %)', owner_role;
  END IF;
  -- Roles, role memberships and database grants are rows shared by every schema (and, for roles,
  -- every database) of the cluster: two schemas migrating at once would update the same catalog rows
  -- and one would fail with 'tuple concurrently updated'. One migration at a time past this point.
  PERFORM pg_advisory_xact_lock(hashtextextended('verticals:roles', 0));
  FOREACH r IN ARRAY ARRAY[owner_role, app_role] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      IF provision <> 'create' THEN
        RAISE EXCEPTION 'role % does not exist', r
          USING HINT = 'dataStores.postgres.roles.provision is expect: create the role first (CREATE ROLE ' || quote_ident(r) || ' NOLOGIN).';
      END IF;
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
  IF NOT pg_has_role(owner_role, 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', owner_role, current_user);
  END IF;
  IF provision = 'create' THEN
    EXECUTE format('GRANT CREATE ON DATABASE %I TO %I', current_database(), owner_role);
  END IF;
  EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s, owner_role);
  FOR obj IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = s::regnamespace AND c.relkind IN ('r', 'p') LOOP
    EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', s, obj.relname, owner_role);
  END LOOP;
  FOR obj IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = s::regnamespace LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', obj.f, owner_role);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', obj.f);
  END LOOP;
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM PUBLIC', s);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, app_role);
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', s, app_role);
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s, app_role);
  EXECUTE format('GRANT INSERT ON audit_entries, consent_events TO %I', app_role);
  EXECUTE format('GRANT INSERT, UPDATE ON audit_chains, dsr_requests, legal_holds, retention_runs TO %I', app_role);
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON consent_state, personal_records TO %I', app_role);
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', s, app_role);
  EXECUTE format('GRANT EXECUTE ON FUNCTION audit_purge(text, text, timestamptz, jsonb), '
    'audit_redact_expired(text, text, timestamptz, int, text, timestamptz), '
    'consent_purge(text, timestamptz, int, text[]), erase_subject(text, text, text, text[], timestamptz), '
    'audit_entry_held(text, text, text) TO %I', app_role);
END
$roles$;
