import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { TEST_SERVICES } from '../../../scripts/test-services.mjs'
import { checkReadiness } from './health'

// The services the suite uses (VERTICALS_TEST_PG, VERTICALS_TEST_REDIS), as host and port.
const where = (url: string, port: number) => ({
  host: new URL(url).hostname,
  port: Number(new URL(url).port || port),
})
const POSTGRES = where(TEST_SERVICES.pg, 5432)
const REDIS = where(TEST_SERVICES.redis, 6379)

// A probe that opens a TCP connection and, for Redis, waits for the reply to PING.
const tcpProbe =
  ({ host, port }: { host: string; port: number }, ping?: string) =>
  () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port })
      socket.once('error', reject)
      socket.once('connect', () => {
        if (!ping) return void socket.end(resolve)
        socket.write(ping)
        socket.once('data', (data) => {
          socket.end()
          data.toString().startsWith('+PONG') ? resolve() : reject(new Error('unexpected reply'))
        })
      })
    })

describe('readiness against the real services', () => {
  it('is ready when PostgreSQL and Redis on this machine answer', async () => {
    const report = await checkReadiness({
      postgres: tcpProbe(POSTGRES),
      redis: tcpProbe(REDIS, 'PING\r\n'),
      timeoutMs: 2000,
    })
    expect(report).toMatchObject({ status: 'ready', degraded: [] })
  })

  it('names Redis when nothing listens on its port', async () => {
    const report = await checkReadiness({
      postgres: tcpProbe(POSTGRES),
      redis: tcpProbe({ host: '127.0.0.1', port: 1 }, 'PING\r\n'),
      timeoutMs: 2000,
    })
    expect(report.degraded).toEqual(['redis'])
    expect(report.checks.redis?.reason).toBe('ECONNREFUSED')
  })
})
