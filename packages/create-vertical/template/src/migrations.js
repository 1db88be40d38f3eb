// The service's own tables live in the platform's schema; core's migrate() records them in the
// same schema_migrations table, under names that cannot clash with the platform's.
/** The migrations of this service, applied in order after the platform's. */
export const APP_MIGRATIONS = [
  {
    name: 'app-0001-providers-and-bookings',
    sql: `
CREATE TABLE providers (
  id text PRIMARY KEY,
  name text NOT NULL,
  market text NOT NULL,
  services text[] NOT NULL
);
INSERT INTO providers (id, name, market, services) VALUES
  ('alex-romero', 'Alex Romero', 'buenos-aires', ARRAY['standard', 'extended']),
  ('bea-sosa', 'Bea Sosa', 'cordoba', ARRAY['standard']);
CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id text NOT NULL,
  provider_id text NOT NULL REFERENCES providers (id),
  service text NOT NULL,
  starts_at timestamptz NOT NULL,
  market text,
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One confirmed booking per provider and start time: a double booking is a 409, not a race.
CREATE UNIQUE INDEX bookings_provider_slot ON bookings (provider_id, starts_at) WHERE status = 'confirmed';
CREATE INDEX bookings_customer ON bookings (customer_id);
`,
  },
]
