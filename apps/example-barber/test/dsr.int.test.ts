import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, futureDay, startApp } from './harness'

let server: Awaited<ReturnType<typeof startApp>>
let url: string

beforeAll(async () => {
  server = await startApp()
  url = server.url
})
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
    const opened = await call(url, 'POST', '/dsr', { subjectId: 'alice', kind: 'access' })
    expect(opened.status).toBe(201)
    const request = opened.body.request
    expect(request.status).toBe('open')
    // platform.yaml promises access within 72 h, stricter than the law.
    expect(Date.parse(request.dueAt) - Date.parse(request.openedAt)).toBeLessThanOrEqual(72 * 3600_000)
    expect((await call(url, 'GET', `/dsr/${request.id}`)).body.request.id).toBe(request.id)

    const done = await call(url, 'POST', `/dsr/${request.id}/fulfil`)
    expect(done.status).toBe(200)
    expect(done.body.request.status).toBe('fulfilled')
    expect(done.body.export.bookings.map((b: { id: string }) => b.id)).toEqual([id])
    expect(done.body.export.consent.events.length).toBe(1)
    expect((await call(url, 'POST', `/dsr/${request.id}/fulfil`)).status).toBe(409)
  })

  it('erasure removes the app rows, the consent and the cached decision; the audit chain still verifies', async () => {
    await bookAs('bob', `${futureDay(6)}T10:00:00Z`)
    await bookAs('carol', `${futureDay(6)}T11:00:00Z`)
    expect(await bookingRows('bob')).toBe(1)
    const opened = await call(url, 'POST', '/dsr', { subjectId: 'bob', kind: 'erasure' })
    const done = await call(url, 'POST', `/dsr/${opened.body.request.id}/fulfil`)
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

  it('validates the request body', async () => {
    const res = await call(url, 'POST', '/dsr', { subjectId: 'bob', kind: 'portability' })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].path).toBe('kind')
    expect((await call(url, 'GET', '/dsr/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})
