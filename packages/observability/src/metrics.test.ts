import { execFileSync } from 'node:child_process'
import { isPlatformError } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { latencyTargets } from './buckets'
import { METRIC_LIST, RUNTIME_METRICS } from './contract'
import { instrumentHandler } from './http'
import { createMetrics } from './metrics'
import { metricsHandler } from './metrics-handler'
import { examplePlatform } from './testing/example'
import { exerciseEveryInstrument } from './testing/exercise'
import { listen } from './testing/server'

const platform = examplePlatform()
const PROMTOOL = '/usr/bin/promtool'

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('createMetrics', () => {
  it('times PostgreSQL queries with dataStores.postgres.slowQuery as a bucket boundary', async () => {
    const metrics = createMetrics(platform, { vertical: 'barber' })
    metrics.recordDbQuery(0.004)
    metrics.recordDbQuery(2)
    const text = await metrics.registry.metrics()
    const slow = platform.dataStores.postgres.slowQuery
    expect(text).toContain(`verticals_db_query_duration_seconds_bucket{le="${slow}",vertical="barber"} 1`)
    expect(text).toContain('verticals_db_query_duration_seconds_count{vertical="barber"} 2')
  })

  it('registers exactly the contract, each series labelled with the vertical', async () => {
    const metrics = createMetrics(platform, { vertical: 'barber' })
    exerciseEveryInstrument(metrics)
    const all = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name)
    // Besides the contract: prom-client's Node.js runtime collectors, under their own prefix.
    const names = all.filter((n) => !/^verticals_(process|nodejs)_/.test(n)).sort()
    expect(names).toEqual(METRIC_LIST.map((m) => m.name).sort())
    for (const runtime of Object.values(RUNTIME_METRICS)) expect(all).toContain(runtime)
    const text = await metrics.registry.metrics()
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toContain('vertical="barber"')
  })

  it('puts every latency target of the config on a bucket boundary', async () => {
    const metrics = createMetrics(platform, { vertical: 'barber' })
    exerciseEveryInstrument(metrics)
    const text = await metrics.registry.metrics()
    expect(latencyTargets(platform)).toEqual([0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.5])
    for (const target of latencyTargets(platform))
      expect(text).toContain(`verticals_http_request_duration_seconds_bucket{le="${target}"`)
  })

  it('keeps labels bounded: unknown markets become "unknown", unknown classes and purposes are errors', async () => {
    const metrics = createMetrics(platform, { vertical: 'psychology' })
    metrics.recordBookingCreated('someone@example.com')
    expect(await metrics.registry.metrics()).toContain('verticals_bookings_created_total{market="unknown"')
    expect(thrown(() => metrics.recordCacheOperation('portfolio-images', 'hit'))).toMatchObject({
      code: 'DATA_CLASS_UNKNOWN',
    })
    expect(thrown(() => metrics.recordConsentCheck('marketing', 'granted'))).toMatchObject({
      code: 'PURPOSE_UNKNOWN',
    })
    expect(
      thrown(() => metrics.setDsrRequests('deletion', { open: 1, overdue: 0, oldestOpenAgeSeconds: 1 })),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect(thrown(() => metrics.setJobQueueDepth('Queue With Spaces', 1))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })

  it('refuses a vertical the config does not declare', () => {
    const error = thrown(() => createMetrics(platform, { vertical: 'dentist' }))
    expect(isPlatformError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'VERTICAL_UNKNOWN' })
  })

  it('counts revenue only for succeeded payments, in the configured currency', async () => {
    const metrics = createMetrics(platform, { vertical: 'beauty' })
    metrics.recordPayment('cordoba', 'succeeded', 2500)
    metrics.recordPayment('cordoba', 'failed', 9999)
    const text = await metrics.registry.metrics()
    expect(text).toContain('verticals_revenue_total{market="cordoba",currency="ARS",vertical="beauty"} 2500')
  })

  it('serves /metrics that promtool check metrics accepts after every instrument was used', async () => {
    const metrics = createMetrics(platform, { vertical: 'fitness' })
    exerciseEveryInstrument(metrics)
    const scrape = metricsHandler(metrics.registry)
    const app = instrumentHandler(
      metrics,
      (req, res) => (req.url === '/metrics' ? void scrape(req, res) : res.end('ok')),
      {
        routes: ['/bookings/:id'],
      },
    )
    const server = await listen(app)
    try {
      await fetch(`${server.url}/bookings/1`)
      const response = await fetch(`${server.url}/metrics`)
      expect(response.headers.get('content-type')).toContain('text/plain')
      const text = await response.text()
      for (const m of METRIC_LIST) expect(text).toContain(`# TYPE ${m.name} ${m.type}`)
      // The contract passes promtool's lint; prom-client's own runtime gauges named `*_total` do not.
      const ours = text
        .split('\n')
        .filter((l) => !/verticals_nodejs_active_(handles|requests|resources)_total/.test(l))
        .join('\n')
      const out = execFileSync(PROMTOOL, ['check', 'metrics'], { input: ours, encoding: 'utf8' })
      expect(out).toBe('')
    } finally {
      await server.close()
    }
  })
})
