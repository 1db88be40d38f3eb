-- The login of postgres_exporter: pg_monitor (PostgreSQL's statistics views and settings for
-- monitoring) and nothing else, so the exporter never holds the service's credentials and can read no
-- table of any schema. Its name comes from the setting verticals.monitor_role, which platform.migrate()
-- and the header of each bundle SQL file set. Missing, it is created (LOGIN, no password yet: it cannot
-- log in until its password is set from the secret store) or, with provision_roles = expect, refused
-- with a hint. Its password is never in a migration.
DO $monitor$
DECLARE
  monitor_role text := nullif(current_setting('verticals.monitor_role', true), '');
  provision text := coalesce(nullif(current_setting('verticals.provision_roles', true), ''), 'create');
BEGIN
  IF monitor_role IS NULL THEN
    RAISE EXCEPTION 'verticals.monitor_role is not set'
      USING HINT = 'platform.migrate() sets it; so does the header of each bundle SQL file.';
  END IF;
  IF monitor_role IN (nullif(current_setting('verticals.owner_role', true), ''),
      nullif(current_setting('verticals.app_role', true), '')) THEN
    RAISE EXCEPTION 'the monitoring role must differ from the owner and application roles (%)', monitor_role;
  END IF;
  -- Roles and memberships are cluster-wide rows: one migration at a time past this point (as 0006).
  PERFORM pg_advisory_xact_lock(hashtextextended('verticals:roles', 0));
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = monitor_role) THEN
    IF provision <> 'create' THEN
      RAISE EXCEPTION 'role % does not exist', monitor_role
        USING HINT = 'dataStores.postgres.roles.provision is expect: create the role first (CREATE ROLE ' || quote_ident(monitor_role) || ' LOGIN; GRANT pg_monitor TO ' || quote_ident(monitor_role) || ').';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN', monitor_role);
  ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = monitor_role
      AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolname IN (current_user, session_user))) THEN
    RAISE EXCEPTION 'the monitoring role % may do more than monitor', monitor_role
      USING HINT = 'Name a role of its own for postgres_exporter (the runtime secret''s monitoring URL names it).';
  END IF;
  IF NOT pg_has_role(monitor_role, 'pg_monitor', 'MEMBER') THEN
    EXECUTE format('GRANT pg_monitor TO %I', monitor_role);
  END IF;
END
$monitor$;
