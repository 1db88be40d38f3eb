-- Personal-data breaches and their notification clocks. Each row mirrors entries of the audit chain
-- (incident.breach.opened / .notified / .closed); the deadlines are computed once, at opening, from
-- the law's clocks and platform.yaml's targets, in each jurisdiction's calendar.
CREATE TABLE breaches (
  id uuid PRIMARY KEY,
  vertical text NOT NULL,
  aware_at timestamptz NOT NULL,
  opened_at timestamptz NOT NULL,
  summary text NOT NULL CHECK (length(btrim(summary)) > 0),
  -- [{ jurisdiction, to, addressee, dueAt, legalDueAt, source, notifiedAt }]
  notifications jsonb NOT NULL CHECK (jsonb_typeof(notifications) = 'array'),
  closed_at timestamptz,
  CHECK (opened_at >= aware_at)
);

CREATE INDEX breaches_open_idx ON breaches (vertical) WHERE closed_at IS NULL;

DO $grants$
DECLARE
  owner_role text := nullif(current_setting('verticals.owner_role', true), '');
  app_role text := nullif(current_setting('verticals.app_role', true), '');
BEGIN
  EXECUTE format('ALTER TABLE breaches OWNER TO %I', owner_role);
  EXECUTE format('REVOKE ALL ON breaches FROM PUBLIC');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON breaches TO %I', app_role);
END
$grants$;
