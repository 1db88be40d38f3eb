-- Personal records held by the platform, one row per record of a data class, and legal holds.

CREATE TABLE personal_records (
  id bigserial PRIMARY KEY,
  vertical text NOT NULL,
  data_class text NOT NULL,
  record_class text,
  subject_id text,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  anonymized_at timestamptz
);

CREATE INDEX personal_records_subject_idx ON personal_records (vertical, subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX personal_records_retention_idx ON personal_records (vertical, record_class, created_at)
  WHERE anonymized_at IS NULL;

-- A hold on a subject (subject_digest) or on one record (record_table + record_ref) stops retention and
-- erasure from touching it until released_at is set.
CREATE TABLE legal_holds (
  id bigserial PRIMARY KEY,
  vertical text NOT NULL,
  subject_digest text,
  record_table text,
  record_ref text,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  released_at timestamptz,
  CHECK (subject_digest IS NOT NULL OR (record_table IS NOT NULL AND record_ref IS NOT NULL))
);

CREATE INDEX legal_holds_active_idx ON legal_holds (vertical) WHERE released_at IS NULL;
