import { describe, expect, it } from 'vitest'
import { checkHealth, checkReadiness, healthHandler, readinessHandler } from './health'
import { listen } from './testing/server'

const up = async () => {}
const refused = async () => {
  throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6379 password=hunter2'), {
    code: 'ECONNREFUSED',
  })
}
const hangs = () => new Promise<void>(() => {})

describe('health and readiness', () => {
  it('reports the process alive', () => {
    expect(checkHealth()).toMatchObject({ status: 'ok' })
  })

  it('is ready when every dependency answers', async () => {
    const report = await checkReadiness({ postgres: up, redis: up })
    expect(report).toMatchObject({ status: 'ready', degraded: [] })
    expect(Object.keys(report.checks)).toEqual(['postgres', 'redis'])
  })

  it('names a dependency that fails or exceeds the timeout, without leaking its error message', async () => {
    const started = Date.now()
    const report = await checkReadiness({ postgres: hangs, redis: refused, timeoutMs: 50 })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(report.status).toBe('degraded')
    expect(report.degraded).toEqual(['postgres', 'redis'])
    expect(report.checks.postgres).toMatchObject({ status: 'down', reason: 'timeout' })
    expect(report.checks.redis).toMatchObject({ status: 'down', reason: 'ECONNREFUSED' })
    expect(JSON.stringify(report)).not.toContain('hunter2')
  })

  it('serves /health and /ready as handlers with 200 and 503', async () => {
    const ready = readinessHandler({ postgres: up, redis: refused, extra: { s3: up } })
    const health = healthHandler()
    const server = await listen((req, res) =>
      req.url === '/ready' ? void ready(req, res) : health(req, res),
    )
    try {
      const h = await fetch(`${server.url}/health`)
      expect(h.status).toBe(200)
      const r = await fetch(`${server.url}/ready`)
      expect(r.status).toBe(503)
      expect(await r.json()).toMatchObject({
        status: 'degraded',
        degraded: ['redis'],
        checks: { s3: { status: 'up' } },
      })
    } finally {
      await server.close()
    }
  })
})
