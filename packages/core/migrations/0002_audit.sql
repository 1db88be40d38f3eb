-- Audit log: one hash chain per vertical and record class. Each entry's hash is
-- sha256(prev_hash || canonical entry), where the entry carries digests of actor, subject and data so
-- that erasure can clear the clear-text columns without breaking the chain.

CREATE TABLE audit_chains (
  vertical text NOT NULL,
  record_class text NOT NULL,
  last_seq bigint NOT NULL,
  last_hash text NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (vertical, record_class)
);

CREATE TABLE audit_entries (
  vertical text NOT NULL,
  record_class text NOT NULL,
  seq bigint NOT NULL,
  type text NOT NULL,
  actor text,
  actor_digest text NOT NULL,
  subject_id text,
  subject_digest text,
  data jsonb,
  data_digest text NOT NULL,
  created_at timestamptz NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  redacted_at timestamptz,
  PRIMARY KEY (vertical, record_class, seq)
);

CREATE INDEX audit_entries_created_idx ON audit_entries (vertical, record_class, created_at);
CREATE INDEX audit_entries_subject_idx ON audit_entries (vertical, subject_digest) WHERE subject_digest IS NOT NULL;
CREATE INDEX audit_entries_actor_idx ON audit_entries (vertical, actor_digest);

-- Retention deletes entries only together with a checkpoint that bridges the gap: the hash before the
-- first purged entry and the hash of the last one, signed, so verify can still walk the chain.
CREATE TABLE audit_checkpoints (
  vertical text NOT NULL,
  record_class text NOT NULL,
  from_seq bigint NOT NULL,
  to_seq bigint NOT NULL,
  prev_hash text NOT NULL,
  last_hash text NOT NULL,
  purged bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  signature text NOT NULL,
  PRIMARY KEY (vertical, record_class, from_seq),
  CHECK (to_seq >= from_seq)
);
