-- Data-subject requests with their deadlines, and the log of retention runs.

CREATE TABLE dsr_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vertical text NOT NULL,
  subject_id text,
  subject_digest text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure')),
  status text NOT NULL CHECK (status IN ('open', 'fulfilled', 'rejected')),
  jurisdiction text NOT NULL,
  opened_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  legal_due_at timestamptz NOT NULL,
  closed_at timestamptz,
  result jsonb
);

CREATE INDEX dsr_requests_open_idx ON dsr_requests (vertical, due_at) WHERE status = 'open';
CREATE INDEX dsr_requests_subject_idx ON dsr_requests (vertical, subject_digest);

CREATE TABLE retention_runs (
  id bigserial PRIMARY KEY,
  vertical text NOT NULL,
  dry_run boolean NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  report jsonb
);
