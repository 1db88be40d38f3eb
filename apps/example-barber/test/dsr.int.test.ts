import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DsrAuth } from '../src/auth'
import { call, futureDay, startApp } from './harness'

let server: Awaited<ReturnType<typeof startApp>>
let url: string
const auth = DsrAuth.withSecret('test-secret-of-the-identity-service-0123456789')
const officer = auth.issue({ sub: 'staff-7', role: 'privacy-officer' })
const as = (sub: string) => auth.issue({ sub, role: 'subject' })

beforeAll(async () => {
  server = await startApp({ auth })
  url = server.url
})

/** A JSON request with a bearer token. */
async function callAs(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields directly and assert on them
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: await res.json() }
}
afterAll(async () => server?.stop())

async function bookAs(customerId: string, startsAt: string): Promise<string> {
  await call(url, 'POST', '/consents', { subjectId: customerId, purpose: 'booking' })
  const res = await call(url, 'POST', '/bookings', {
    customerId,
    providerId: 'luis-pereyra',
    service: 'shave',
    startsAt,
  })
  expect(res.status).toBe(201)
  return res.body.booking.id
}

async function dsrRows() {
  const db = new pg.Client({ connectionString: server.iso.settings.databaseUrl })
  await db.connect()
  const result = await db.query(`SELECT kind, subject_id FROM "${server.iso.schema}".dsr_requests`)
  await db.end()
  return result
}

async function bookingRows(customerId: string): Promise<number> {
  const db = new pg.Client({ connectionString: server.iso.settings.databaseUrl })
  await db.connect()
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM "${server.iso.schema}".bookings WHERE customer_id = $1`,
    [customerId],
  )
  await db.end()
  return rows[0].n
}

describe('data-subject requests', () => {
  it('opens an access request with its deadline and exports the consent ledger and the bookings', async () => {
    const id = await bookAs('alice', `${futureDay(5)}T10:00:00Z`)
    const opened = await callAs(as('alice'), 'POST', '/dsr', { kind: 'access' })
    expect(opened.status).toBe(201)
    const request = opened.body.request
    expect(request).toMatchObject({ status: 'open', subjectId: 'alice' })
    // The signed token is the identity verification; its id is the evidence reference.
    expect(request.verification).toMatchObject({ method: 'signed-token', verifier: 'barber-api' })
    expect(request.verification.evidenceRef).toMatch(/^token:[0-9a-f-]{36}$/)
    // platform.yaml promises access within 72 h, stricter than the law.
    expect(Date.parse(request.dueAt) - Date.parse(request.openedAt)).toBeLessThanOrEqual(72 * 3600_000)
    expect((await callAs(as('alice'), 'GET', `/dsr/${request.id}`)).body.request.id).toBe(request.id)
    expect((await callAs(as('mallory'), 'GET', `/dsr/${request.id}`)).status).toBe(403)
    expect((await callAs(as('alice'), 'POST', `/dsr/${request.id}/fulfil`)).status).toBe(403)

    const done = await callAs(officer, 'POST', `/dsr/${request.id}/fulfil`)
    expect(done.status).toBe(200)
    expect(done.body.request.status).toBe('fulfilled')
    expect(done.body.export.bookings.map((b: { id: string }) => b.id)).toEqual([id])
    expect(done.body.export.consent.events.length).toBe(1)
    expect((await callAs(officer, 'POST', `/dsr/${request.id}/fulfil`)).status).toBe(409)
  })

  it('erasure removes the app rows, the consent and the cached decision; the audit chain still verifies', async () => {
    await bookAs('bob', `${futureDay(6)}T10:00:00Z`)
    await bookAs('carol', `${futureDay(6)}T11:00:00Z`)
    expect(await bookingRows('bob')).toBe(1)
    const opened = await callAs(as('bob'), 'POST', '/dsr', { subjectId: 'bob', kind: 'erasure' })
    const done = await callAs(officer, 'POST', `/dsr/${opened.body.request.id}/fulfil`)
    expect(done.status).toBe(200)
    expect(done.body.request.subjectId).toBeNull()
    expect(done.body.erased.bookings).toBe(1)
    expect(done.body.erased.consent.events).toBe(1)
    expect(await bookingRows('bob')).toBe(0)
    expect(await bookingRows('carol')).toBe(1)
    // With the consent gone (also from Redis), bob cannot book any more.
    const denied = await call(url, 'POST', '/bookings', {
      customerId: 'bob',
      providerId: 'luis-pereyra',
      service: 'shave',
      startsAt: `${futureDay(7)}T10:00:00Z`,
    })
    expect(denied.status).toBe(403)
    expect(denied.body.error.reason).toBe('none')
    expect((await server.app.platform.audit.verify()).ok).toBe(true)
  })

  it('authenticates the requester: no token, a forged or expired one, or someone else’s subject is refused', async () => {
    const none = await call(url, 'POST', '/dsr', { subjectId: 'dave', kind: 'erasure' })
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } })
    const forged = DsrAuth.withSecret('another-secret-that-this-service-does-not-hold').issue({
      sub: 'dave',
      role: 'privacy-officer',
    })
    expect((await callAs(forged, 'POST', '/dsr', { kind: 'erasure' })).status).toBe(401)
    const expired = auth.issue({ sub: 'dave', role: 'subject' }, 60, new Date(Date.now() - 3600_000))
    expect((await callAs(expired, 'POST', '/dsr', { kind: 'erasure' })).body.error.message).toMatch(/expired/)
    const other = await callAs(as('mallory'), 'POST', '/dsr', { subjectId: 'dave', kind: 'erasure' })
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    const { rows } = await dsrRows()
    expect(
      rows.filter(
        (r: { kind: string; subject_id: string }) => r.kind === 'erasure' && r.subject_id === 'dave',
      ),
    ).toEqual([])
  })

  it('a privacy officer opens a request only saying how the subject was verified', async () => {
    expect((await callAs(officer, 'POST', '/dsr', { subjectId: 'erin', kind: 'access' })).status).toBe(400)
    const opened = await callAs(officer, 'POST', '/dsr', {
      subjectId: 'erin',
      kind: 'access',
      verification: { method: 'in-person-document', evidenceRef: 'ticket-4471' },
    })
    expect(opened.status).toBe(201)
    expect(opened.body.request.verification).toEqual({
      method: 'in-person-document',
      verifier: 'privacy-officer:staff-7',
      evidenceRef: 'ticket-4471',
    })
  })

  it('a restriction stops bookings; portability exports the bookings in the documented format', async () => {
    await bookAs('frank', `${futureDay(8)}T10:00:00Z`)
    const portability = await callAs(as('frank'), 'POST', '/dsr', { kind: 'portability' })
    const exported = await callAs(officer, 'POST', `/dsr/${portability.body.request.id}/fulfil`)
    expect(exported.body.portable).toMatchObject({ format: 'verticals.portability/v1', subjectId: 'frank' })
    expect(exported.body.portable.bookings).toHaveLength(1)

    const restriction = await callAs(as('frank'), 'POST', '/dsr', { kind: 'restriction' })
    const placed = await callAs(officer, 'POST', `/dsr/${restriction.body.request.id}/fulfil`)
    expect(placed.body.restriction).toMatchObject({ kind: 'restriction', purposes: null })
    const denied = await call(url, 'POST', '/bookings', {
      customerId: 'frank',
      providerId: 'luis-pereyra',
      service: 'shave',
      startsAt: `${futureDay(9)}T10:00:00Z`,
    })
    expect(denied.status).toBe(403)
    expect(denied.body.error.reason).toBe('restricted')
  })

  it('validates the request body', async () => {
    const res = await callAs(as('bob'), 'POST', '/dsr', { kind: 'rectification' })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].path).toBe('kind')
    expect((await callAs(officer, 'GET', '/dsr/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})
