import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, futureDay, sample, startApp } from './harness'

let server: Awaited<ReturnType<typeof startApp>>
let url: string
const booking = (customerId: string, startsAt: string) => ({
  customerId,
  providerId: 'ana-gomez',
  service: 'haircut',
  startsAt,
})
const metrics = async () => (await fetch(`${url}/metrics`)).text()

beforeAll(async () => {
  server = await startApp()
  url = server.url
})
afterAll(async () => server?.stop())

describe('probes and metrics', () => {
  it('serves /health, /ready and /metrics', async () => {
    expect((await call(url, 'GET', '/health')).body.status).toBe('ok')
    const ready = await call(url, 'GET', '/ready')
    expect(ready.status).toBe(200)
    expect(ready.body.checks.postgres.status).toBe('up')
    expect(ready.body.checks.redis.status).toBe('up')
    const res = await fetch(`${url}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    expect(await res.text()).toContain('verticals_http_requests_total')
  })

  it('keeps the gauges the alerts watch fresh: the DSR backlog and the PostgreSQL pool', async () => {
    const text = await metrics()
    for (const kind of ['access', 'rectification', 'erasure']) {
      expect(text).toMatch(new RegExp(`verticals_dsr_requests_overdue\\{[^}]*kind="${kind}"[^}]*\\} 0`))
    }
    expect(text).toMatch(/verticals_db_pool_connections\{[^}]*state="idle"[^}]*\} [1-9]/)
    expect(text).toMatch(/verticals_db_pool_waiting_clients\{[^}]*\} 0/)
  })

  it('times the queries of core and of its own tables in verticals_db_query_duration_seconds', async () => {
    const count = async () => sample(await metrics(), 'verticals_db_query_duration_seconds_count', {})
    const before = await count()
    // The own tables: a booking looked up by id (none there) is one Store query.
    const missing = await call(url, 'GET', '/bookings/00000000-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    const afterStore = await count()
    expect(afterStore).toBeGreaterThanOrEqual(before + 1)
    // Core: a grant writes the consent and its audit entry.
    expect(
      (await call(url, 'POST', '/consents', { subjectId: 'metrics-1', purpose: 'booking' })).status,
    ).toBe(201)
    expect(await count()).toBeGreaterThanOrEqual(afterStore + 1)
    const text = await metrics()
    expect(sample(text, 'verticals_db_query_duration_seconds_sum', {})).toBeGreaterThan(0)
    expect(text).toMatch(/verticals_db_query_duration_seconds_bucket\{le="\+Inf",vertical="barber"\} [1-9]/)
  })
})

describe('providers', () => {
  it('lists providers and serves the second call from the api-responses cache', async () => {
    const first = await call(url, 'GET', '/providers')
    expect(first.status).toBe(200)
    expect(first.body.providers.map((p: { id: string }) => p.id)).toEqual([
      'ana-gomez',
      'luis-pereyra',
      'sofia-rios',
    ])
    // A provider added behind the cache's back stays invisible until the TTL (10 min) runs out.
    const db = new pg.Client({ connectionString: server.iso.settings.databaseUrl })
    await db.connect()
    await db.query(
      `INSERT INTO "${server.iso.schema}".providers VALUES ('zoe-new', 'Zoe', 'cordoba', ARRAY['haircut'])`,
    )
    await db.end()
    const second = await call(url, 'GET', '/providers')
    expect(second.body).toEqual(first.body)
    const text = await metrics()
    expect(
      sample(text, 'verticals_cache_operations_total', { data_class: 'api-responses', result: 'hit' }),
    ).toBe(1)
    expect(
      sample(text, 'verticals_cache_operations_total', { data_class: 'api-responses', result: 'miss' }),
    ).toBe(1)
  })
})

describe('bookings', () => {
  it('refuses a booking without consent with 403 and the reason, then books once consent is granted', async () => {
    const denied = await call(url, 'POST', '/bookings', booking('client-1', `${futureDay(1)}T10:00:00-03:00`))
    expect(denied.status).toBe(403)
    expect(denied.body.error).toMatchObject({ code: 'consent_required', purpose: 'booking', reason: 'none' })

    const grant = await call(url, 'POST', '/consents', { subjectId: 'client-1', purpose: 'booking' })
    expect(grant.status).toBe(201)
    expect(grant.body.consent.status).toBe('granted')
    const created = await call(
      url,
      'POST',
      '/bookings',
      booking('client-1', `${futureDay(1)}T10:00:00-03:00`),
    )
    expect(created.status).toBe(201)
    expect(created.body.booking).toMatchObject({
      customerId: 'client-1',
      status: 'confirmed',
      market: 'buenos-aires',
    })
    expect(created.body.booking.startsAt).toBe(`${futureDay(1)}T13:00:00.000Z`)
    const read = await call(url, 'GET', `/bookings/${created.body.booking.id}`)
    expect(read.body.booking).toEqual(created.body.booking)

    const text = await metrics()
    expect(sample(text, 'verticals_bookings_created_total', { market: 'buenos-aires' })).toBe(1)
    expect(sample(text, 'verticals_consent_checks_total', { purpose: 'booking', result: 'denied' })).toBe(1)
    expect(sample(text, 'verticals_consent_checks_total', { purpose: 'booking', result: 'granted' })).toBe(1)
    expect(sample(text, 'verticals_audit_appends_total', { result: 'ok' })).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'verticals_http_requests_total', { route: '/bookings', status_class: '4xx' })).toBe(1)
  })

  it('refuses a double booking of a slot (409), and cancels a booking once (then 409)', async () => {
    await call(url, 'POST', '/consents', { subjectId: 'client-2', purpose: 'booking' })
    const slot = `${futureDay(2)}T15:00:00Z`
    const first = await call(url, 'POST', '/bookings', booking('client-2', slot))
    expect(first.status).toBe(201)
    const again = await call(url, 'POST', '/bookings', booking('client-2', slot))
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('slot_taken')

    const cancel = await call(url, 'POST', `/bookings/${first.body.booking.id}/cancel`)
    expect(cancel.status).toBe(200)
    expect(cancel.body.booking.status).toBe('cancelled')
    expect((await call(url, 'POST', `/bookings/${first.body.booking.id}/cancel`)).status).toBe(409)
    // The slot is free again once cancelled.
    expect((await call(url, 'POST', '/bookings', booking('client-2', slot))).status).toBe(201)
    const verification = await server.app.platform.audit.verify()
    expect(verification.ok).toBe(true)
  })

  it('denies again after the consent is withdrawn', async () => {
    await call(url, 'POST', '/consents', { subjectId: 'client-3', purpose: 'booking' })
    const withdrawn = await call(url, 'DELETE', '/consents/client-3/booking')
    expect(withdrawn.body.consent.status).toBe('withdrawn')
    const denied = await call(url, 'POST', '/bookings', booking('client-3', `${futureDay(3)}T10:00:00Z`))
    expect(denied.status).toBe(403)
    expect(denied.body.error.reason).toBe('withdrawn')
  })
})

describe('bad input', () => {
  it.each([
    ['a body that is not JSON', '{"customerId":', 'invalid_json'],
    ['a wrong type and missing fields', { customerId: 7 }, 'invalid_request'],
    ['an unknown field', { ...booking('c', `${futureDay(1)}T10:00:00Z`), tip: 5 }, 'invalid_request'],
    ['a start time without offset', booking('c', `${futureDay(1)} 10:00`), 'invalid_request'],
    ['a start in the past', booking('c', '2001-05-04T10:00:00Z'), 'invalid_request'],
  ])('answers 400 for %s', async (_name, body, code) => {
    const res = await call(url, 'POST', '/bookings', body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(code)
  })

  it('says a booking in the past must be in the future', async () => {
    const res = await call(url, 'POST', '/bookings', booking('c', '2001-05-04T10:00:00Z'))
    expect(res.body.error.issues).toEqual([{ path: 'startsAt', message: 'must be in the future' }])
  })

  it('names each invalid field', async () => {
    const res = await call(url, 'POST', '/bookings', { customerId: 7 })
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'customerId',
      'providerId',
      'service',
      'startsAt',
    ])
  })

  it('answers 404 for unknown routes and bookings, 405 for a wrong method, 400 for a malformed id', async () => {
    expect((await call(url, 'GET', '/nope')).status).toBe(404)
    expect((await call(url, 'GET', '/bookings/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    const wrong = await fetch(`${url}/providers`, { method: 'PUT' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET')
    expect((await call(url, 'GET', '/bookings/not-a-uuid')).status).toBe(400)
    expect((await call(url, 'POST', '/consents', { subjectId: 'x', purpose: 'astrology' })).status).toBe(400)
  })
})
