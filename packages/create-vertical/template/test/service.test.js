import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { parseEnv } from 'node:util'
import { Redis } from 'ioredis'
import pg from 'pg'
import { createApp } from '../src/app.js'
import { DsrAuth } from '../src/auth.js'
import { settingsFromEnv } from '../src/settings.js'

// The deployment contract as dev.env sets it (the environment wins, as with `npm run dev`: CI points
// VERTICALS_DATABASE_URL and VERTICALS_REDIS_URL at its services), on a free port. Each run gets its
// own PostgreSQL schema and Redis key prefix, dropped at the end, so runs can share a database.
const devEnv = parseEnv(readFileSync(new URL('../dev.env', import.meta.url), 'utf8'))
const suffix = randomBytes(5).toString('hex')
const settings = {
  ...settingsFromEnv({ ...devEnv, ...process.env, VERTICALS_PORT: '0', HOST: '127.0.0.1' }),
  schema: `test_${suffix}`,
  redisPrefix: `test:${suffix}:`,
  drainTimeoutMs: 2000,
}
let app
let url
const auth = new DsrAuth('a-test-secret-of-the-identity-service-000')

async function call(method, path, body, token) {
  const headers = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  }
  const init = body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) }
  const res = await fetch(`${url}${path}`, init)
  return { status: res.status, body: await res.json() }
}
const metrics = async () => (await fetch(`${url}/metrics`)).text()
// Bookings must start in the future: the date `days` from today (UTC).
const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
const booking = (customerId, startsAt) => ({
  customerId,
  providerId: 'alex-romero',
  service: 'standard',
  startsAt,
})

before(async () => {
  app = await createApp(settings, { logDestination: { write: () => {} }, auth })
  url = `http://127.0.0.1:${app.port}`
})

after(async () => {
  await app?.close()
  const db = new pg.Client({ connectionString: settings.databaseUrl })
  await db.connect()
  await db.query(`DROP SCHEMA IF EXISTS "${settings.schema}" CASCADE`)
  await db.end()
  const redis = new Redis(settings.redisUrl)
  const keys = await redis.keys(`${settings.redisPrefix}*`)
  if (keys.length > 0) await redis.del(...keys)
  await redis.quit()
})

describe('the service', () => {
  it('answers /health, /ready and /metrics', async () => {
    assert.equal((await call('GET', '/health')).body.status, 'ok')
    const ready = await call('GET', '/ready')
    assert.equal(ready.status, 200, JSON.stringify(ready.body))
    const text = await metrics()
    assert.match(text, /verticals_dsr_requests_overdue\{[^}]*kind="erasure"[^}]*\} 0/)
    assert.match(text, /verticals_db_pool_waiting_clients\{[^}]*\} 0/)
  })

  it('times its queries and core queries in verticals_db_query_duration_seconds', async () => {
    const count = async () =>
      Number(/^verticals_db_query_duration_seconds_count\{[^}]*\} (\S+)$/m.exec(await metrics())?.[1] ?? 0)
    const before = await count()
    // The service's own table: cancelling a booking that does not exist is one query, then 404.
    const missing = await call('POST', '/bookings/00000000-0000-4000-8000-000000000000/cancel')
    assert.equal(missing.status, 404)
    const afterStore = await count()
    assert.ok(afterStore >= before + 1, `count ${afterStore} after ${before}`)
    // Core: a grant writes the consent and its audit entry.
    assert.equal((await call('POST', '/consents', { subjectId: 'probe', purpose: 'booking' })).status, 201)
    const afterCore = await count()
    assert.ok(afterCore >= afterStore + 1, `count ${afterCore} after ${afterStore}`)
  })

  it('lists providers, the second time from the api-responses cache', async () => {
    const first = await call('GET', '/providers')
    assert.deepEqual(
      first.body.providers.map((p) => p.id),
      ['alex-romero', 'bea-sosa'],
    )
    assert.deepEqual((await call('GET', '/providers')).body, first.body)
    assert.match(await metrics(), /verticals_cache_operations_total\{[^}]*result="hit"[^}]*\} 1/)
  })

  it('refuses a booking without consent (403 with the reason), books once consent is granted', async () => {
    const denied = await call('POST', '/bookings', booking('ana', `${inDays(1)}T10:00:00Z`))
    assert.equal(denied.status, 403)
    assert.equal(denied.body.error.reason, 'none')
    assert.equal((await call('POST', '/consents', { subjectId: 'ana', purpose: 'booking' })).status, 201)
    const created = await call('POST', '/bookings', booking('ana', `${inDays(1)}T10:00:00Z`))
    assert.equal(created.status, 201)
    assert.equal(created.body.booking.status, 'confirmed')
    assert.equal((await call('POST', '/bookings', booking('ana', `${inDays(1)}T10:00:00Z`))).status, 409)
    const cancelled = await call('POST', `/bookings/${created.body.booking.id}/cancel`)
    assert.equal(cancelled.body.booking.status, 'cancelled')
    assert.match(await metrics(), /verticals_bookings_created_total\{[^}]*market="buenos-aires"[^}]*\} 1/)
    assert.equal((await app.platform.audit.verify()).ok, true)
  })

  it('rejects bad input with 400 naming the fields', async () => {
    const res = await call('POST', '/bookings', { customerId: 7 })
    assert.equal(res.status, 400)
    assert.deepEqual(
      res.body.error.issues.map((i) => i.path),
      ['customerId', 'providerId', 'service', 'startsAt'],
    )
    const past = await call('POST', '/bookings', booking('ana', '2001-05-04T10:00:00Z'))
    assert.equal(past.status, 400)
    assert.deepEqual(past.body.error.issues, [{ path: 'startsAt', message: 'must be in the future' }])
  })

  it('erases a data subject on request, including the service own bookings', async () => {
    await call('POST', '/consents', { subjectId: 'bo', purpose: 'booking' })
    assert.equal((await call('POST', '/bookings', booking('bo', `${inDays(2)}T10:00:00Z`))).status, 201)
    // Only an authenticated caller may open a request, and only about themselves.
    assert.equal((await call('POST', '/dsr', { subjectId: 'bo', kind: 'erasure' })).status, 401)
    const mallory = auth.issue({ sub: 'mallory', role: 'subject' })
    assert.equal((await call('POST', '/dsr', { subjectId: 'bo', kind: 'erasure' }, mallory)).status, 403)
    const bo = auth.issue({ sub: 'bo', role: 'subject' })
    const opened = await call('POST', '/dsr', { kind: 'erasure' }, bo)
    assert.equal(opened.status, 201)
    assert.equal(opened.body.request.verification.method, 'signed-token')
    const url2 = `/dsr/${opened.body.request.id}/fulfil`
    assert.equal((await call('POST', url2, undefined, bo)).status, 403)
    const officer = auth.issue({ sub: 'staff-1', role: 'privacy-officer' })
    const done = await call('POST', url2, undefined, officer)
    assert.equal(done.status, 200)
    assert.equal(done.body.erased.bookings, 1)
    assert.equal((await call('POST', '/bookings', booking('bo', `${inDays(3)}T10:00:00Z`))).status, 403)
  })
})
