-- Data-subject rights beyond access, rectification and erasure: portability, objection and restriction,
-- and the identity-verification record every request is opened with.

ALTER TABLE dsr_requests DROP CONSTRAINT dsr_requests_kind_check;
ALTER TABLE dsr_requests ADD CONSTRAINT dsr_requests_kind_check
  CHECK (kind IN ('access', 'rectification', 'erasure', 'portability', 'objection', 'restriction'));

-- How the requester's identity was verified: method, verifier and a reference to the evidence (never
-- the evidence itself). Requests opened before this migration have none.
ALTER TABLE dsr_requests ADD COLUMN verification jsonb;
ALTER TABLE dsr_requests ADD CONSTRAINT dsr_requests_verification_check CHECK (verification IS NULL OR (
  jsonb_typeof(verification->'method') = 'string' AND jsonb_typeof(verification->'verifier') = 'string'
  AND jsonb_typeof(verification->'evidenceRef') = 'string'));

-- A restriction (all purposes) or an objection (the listed purposes) the consent checks honour while it
-- is not lifted. subject_id is cleared by erasure, the digest stays as proof.
CREATE TABLE subject_restrictions (
  id bigserial PRIMARY KEY,
  vertical text NOT NULL,
  subject_id text,
  subject_digest text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('restriction', 'objection')),
  purposes text[],
  request_id uuid,
  created_at timestamptz NOT NULL,
  lifted_at timestamptz,
  CHECK (kind = 'restriction' AND purposes IS NULL OR kind = 'objection' AND cardinality(purposes) > 0)
);

CREATE INDEX subject_restrictions_active_idx ON subject_restrictions (vertical, subject_id) WHERE lifted_at IS NULL;

DO $grants$
DECLARE
  owner_role text := nullif(current_setting('verticals.owner_role', true), '');
  app_role text := nullif(current_setting('verticals.app_role', true), '');
BEGIN
  EXECUTE format('ALTER TABLE subject_restrictions OWNER TO %I', owner_role);
  EXECUTE format('REVOKE ALL ON subject_restrictions FROM PUBLIC');
  EXECUTE format('GRANT SELECT, INSERT, UPDATE ON subject_restrictions TO %I', app_role);
  EXECUTE format('GRANT USAGE ON SEQUENCE subject_restrictions_id_seq TO %I', app_role);
END
$grants$;
