import { loadPlatformConfig } from '@verticals/core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retainBookings } from '../src/retention'
import { ANONYMOUS, Store } from '../src/store'
import { call, startApp } from './harness'

let server: Awaited<ReturnType<typeof startApp>>
let pool: pg.Pool

beforeAll(async () => {
  server = await startApp()
  pool = new pg.Pool({ connectionString: server.iso.settings.databaseUrl, max: 2 })
})
afterAll(async () => {
  await pool?.end()
  await server?.stop()
})

describe('retention of the app’s bookings', () => {
  it('anonymizes bookings older than the bookings record class keeps them, and audits the run', async () => {
    const { url } = server
    // The API refuses bookings in the past, so the old ones go in as a years-old service stored them.
    const store = new Store(pool, `"${server.iso.schema}"`)
    const book = async (startsAt: string) =>
      (await store.createBooking({
        customerId: 'old-client',
        providerId: 'sofia-rios',
        service: 'colour',
        startsAt,
        market: 'cordoba',
      }))!
    const old = await book('2020-03-01T10:00:00Z')
    const recent = await book('2026-11-30T10:00:00Z')

    const config = await loadPlatformConfig(server.iso.settings.configPath)
    const now = new Date('2026-12-01T00:00:00Z')
    const report = await retainBookings(config, server.app.platform, store, now)
    // platform.yaml keeps bookings 2 years (730 days), then anonymizes them.
    expect(report.cutoff.toISOString()).toBe('2024-12-01T00:00:00.000Z')
    expect(report.rows).toBe(1)
    expect((await call(url, 'GET', `/bookings/${old.id}`)).body.booking.customerId).toBe(ANONYMOUS)
    expect((await call(url, 'GET', `/bookings/${recent.id}`)).body.booking.customerId).toBe('old-client')
    expect((await retainBookings(config, server.app.platform, store, now)).rows).toBe(0)
    expect((await server.app.platform.audit.verify()).ok).toBe(true)
  })
})
