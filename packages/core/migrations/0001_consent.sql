-- Consent: an append-only ledger of grants and withdrawals, and the current state derived from it.
-- Run with search_path set to the platform schema (platform.migrate() does this).

CREATE TABLE consent_events (
  id bigserial PRIMARY KEY,
  vertical text NOT NULL,
  subject_id text NOT NULL,
  purpose text NOT NULL,
  action text NOT NULL CHECK (action IN ('grant', 'withdraw')),
  explicit boolean NOT NULL,
  text_version text NOT NULL,
  evidence jsonb NOT NULL,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX consent_events_subject_idx ON consent_events (vertical, subject_id, purpose, id);
CREATE INDEX consent_events_created_idx ON consent_events (vertical, created_at);

-- One row per subject and purpose, rewritten in the same transaction as each ledger event.
CREATE TABLE consent_state (
  vertical text NOT NULL,
  subject_id text NOT NULL,
  purpose text NOT NULL,
  status text NOT NULL CHECK (status IN ('granted', 'withdrawn')),
  explicit boolean NOT NULL,
  text_version text NOT NULL,
  expires_at timestamptz,
  event_id bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (vertical, subject_id, purpose)
);

CREATE INDEX consent_state_updated_idx ON consent_state (vertical, updated_at);
