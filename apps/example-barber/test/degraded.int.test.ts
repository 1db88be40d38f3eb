import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app'
import { call, futureDay, type Isolation, isolation } from './harness'

let iso: Isolation
let app: Awaited<ReturnType<typeof createApp>>
let url: string

// Redis on a port where nothing listens: the cache must fail open, readiness must say so.
beforeAll(async () => {
  iso = isolation()
  app = await createApp(
    { ...iso.settings, redisUrl: 'redis://127.0.0.1:1' },
    { logDestination: { write: () => true } },
  )
  url = `http://127.0.0.1:${app.port}`
})
afterAll(async () => {
  await app?.close()
  await iso?.cleanup()
})

describe('without Redis', () => {
  it('reports not ready, naming redis, while still alive', async () => {
    const ready = await call(url, 'GET', '/ready')
    expect(ready.status).toBe(503)
    expect(ready.body.degraded).toEqual(['redis'])
    expect((await call(url, 'GET', '/health')).status).toBe(200)
  })

  it('still serves providers and bookings: the cache fails open, consent is read from PostgreSQL', async () => {
    expect((await call(url, 'GET', '/providers')).body.providers).toHaveLength(3)
    await call(url, 'POST', '/consents', { subjectId: 'no-cache', purpose: 'booking' })
    const booked = await call(url, 'POST', '/bookings', {
      customerId: 'no-cache',
      providerId: 'ana-gomez',
      service: 'beard',
      startsAt: `${futureDay(10)}T10:00:00Z`,
    })
    expect(booked.status).toBe(201)
    const text = await (await fetch(`${url}/metrics`)).text()
    expect(text).toMatch(
      /verticals_cache_operations_total\{[^}]*data_class="api-responses"[^}]*result="(error|bypass)"/,
    )
  })
})
