// The PostgreSQL and Redis the test suite uses: one module, so the preflight of `npm test` checks
// exactly what the integration tests connect to. VERTICALS_TEST_PG and VERTICALS_TEST_REDIS
// override the defaults (a database named `test`, user postgres, trust auth, on this machine).

/** Connection URLs of the services the integration tests use. */
export const TEST_SERVICES = {
  pg: process.env.VERTICALS_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test',
  redis: process.env.VERTICALS_TEST_REDIS || 'redis://127.0.0.1:6379',
}
