-- Platform-wide erasure across the members of a shared PostgreSQL store. Each member runs in its own
-- schema as its own roles, and its chains and digests are keyed with its own audit and subject keys,
-- which never reach the database: no other member's role can erase here, nor write an entry this
-- member's chain would verify. So a co-tenant hands the erasure over instead: request_erasure() (the
-- only thing its application role may execute here) records the request, this member's own service
-- carries it out as every erasure here is carried out (its erasure record, retention duties, holds,
-- cache keys, consent decisions) and writes its report back, which erasure_request_result() returns.

CREATE TABLE erasure_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vertical text NOT NULL,
  -- The co-tenant whose data-subject request asked, its request and who fulfilled it there.
  requested_in text NOT NULL,
  request_id text NOT NULL,
  actor text NOT NULL,
  -- The subject's id until the erasure is done (this member digests it with its own key), then null.
  subject_id text,
  requested_by text NOT NULL DEFAULT session_user,
  requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  done_at timestamptz,
  -- The erasure report, or {"skipped": "legal-hold"}; it names data classes, fields and duties, never the subject.
  result jsonb,
  UNIQUE (vertical, requested_in, request_id),
  CHECK ((done_at IS NULL) = (result IS NULL)),
  CHECK (done_at IS NULL OR subject_id IS NULL),
  CHECK (requested_in <> vertical)
);

CREATE INDEX erasure_requests_pending_idx ON erasure_requests (vertical, requested_at) WHERE done_at IS NULL;

-- Asks this member to erase a subject for a co-tenant's request; the same request asked again returns
-- the same id (a retried dsr.fulfil finds the answer instead of asking twice).
CREATE FUNCTION request_erasure(p_vertical text, p_requested_in text, p_request_id text, p_actor text,
  p_subject_id text)
RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  v_id uuid;
BEGIN
  IF coalesce(length(p_subject_id), 0) = 0 THEN
    RAISE EXCEPTION 'request_erasure needs the subject''s id' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO erasure_requests (vertical, requested_in, request_id, actor, subject_id)
    VALUES (p_vertical, p_requested_in, p_request_id, p_actor, p_subject_id)
    ON CONFLICT (vertical, requested_in, request_id) DO NOTHING RETURNING id INTO v_id;
  IF v_id IS NULL THEN
    SELECT id INTO v_id FROM erasure_requests
      WHERE vertical = p_vertical AND requested_in = p_requested_in AND request_id = p_request_id;
  END IF;
  RETURN v_id;
END
$$;

-- The answer to one request: {doneAt, result}, result null while it is pending; null for an unknown id.
CREATE FUNCTION erasure_request_result(p_id uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT jsonb_build_object('doneAt', done_at, 'result', result) FROM erasure_requests WHERE id = p_id
$$;

-- Lets the application roles of the co-tenants ask: USAGE on this schema (names only: every table
-- still refuses them) and EXECUTE on the two functions above, nothing else. Roles missing are created
-- (NOLOGIN) or, with provision expect, refused. Run by this migration with the co-tenants the config
-- names (verticals.cotenant_app_roles) and again by platform.migrate() with the owner's connection, so a
-- member that joins the store later is granted too. Only the owner may run it.
CREATE FUNCTION grant_erasure_requests(p_roles text[], p_provision text) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  r text;
BEGIN
  IF coalesce(cardinality(p_roles), 0) = 0 THEN
    RETURN;
  END IF;
  -- Roles are shared by every schema of the cluster: one migration at a time creates them (as 0006).
  PERFORM pg_advisory_xact_lock(hashtextextended('verticals:roles', 0));
  FOREACH r IN ARRAY p_roles LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      IF coalesce(p_provision, 'create') <> 'create' THEN
        RAISE EXCEPTION 'role % does not exist', r
          USING HINT = 'dataStores.postgres.roles.provision is expect: create the co-tenant''s role first (CREATE ROLE ' || quote_ident(r) || ' NOLOGIN).';
      END IF;
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), r);
    EXECUTE format('GRANT EXECUTE ON FUNCTION request_erasure(text, text, text, text, text), '
      'erasure_request_result(uuid) TO %I', r);
  END LOOP;
END
$$;

DO $grants$
DECLARE
  owner_role text := nullif(current_setting('verticals.owner_role', true), '');
  app_role text := nullif(current_setting('verticals.app_role', true), '');
  f text;
BEGIN
  EXECUTE format('ALTER TABLE erasure_requests OWNER TO %I', owner_role);
  EXECUTE format('REVOKE ALL ON erasure_requests FROM PUBLIC');
  -- This member's service reads the requests and writes its answers; co-tenants never touch the table.
  EXECUTE format('GRANT SELECT, UPDATE ON erasure_requests TO %I', app_role);
  FOREACH f IN ARRAY ARRAY['request_erasure(text, text, text, text, text)', 'erasure_request_result(uuid)',
      'grant_erasure_requests(text[], text)'] LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', f, owner_role);
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
  PERFORM grant_erasure_requests(
    string_to_array(nullif(current_setting('verticals.cotenant_app_roles', true), ''), ','),
    nullif(current_setting('verticals.provision_roles', true), ''));
END
$grants$;
