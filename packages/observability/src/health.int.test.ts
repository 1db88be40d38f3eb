import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { checkReadiness } from './health'

// A probe that opens a TCP connection and, for Redis, waits for the reply to PING.
const tcpProbe = (port: number, ping?: string) => () =>
  new Promise<void>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
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
      postgres: tcpProbe(5432),
      redis: tcpProbe(6379, 'PING\r\n'),
      timeoutMs: 2000,
    })
    expect(report).toMatchObject({ status: 'ready', degraded: [] })
  })

  it('names Redis when nothing listens on its port', async () => {
    const report = await checkReadiness({
      postgres: tcpProbe(5432),
      redis: tcpProbe(1, 'PING\r\n'),
      timeoutMs: 2000,
    })
    expect(report.degraded).toEqual(['redis'])
    expect(report.checks.redis?.reason).toBe('ECONNREFUSED')
  })
})
