import { afterEach, describe, expect, it } from 'vitest'
import { instrumentHandler } from './http'
import { CLIENT_CLOSED_CLASS, statusClass } from './labels'
import { MARKET_HEADER } from './markets'
import { createMetrics } from './metrics'
import { metricsHandler } from './metrics-handler'
import { currentRequestContext, REQUEST_ID_HEADER, requestIdOf } from './request-context'
import { examplePlatform } from './testing/example'
import { listen } from './testing/server'

const platform = examplePlatform()
let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function serve(routes: string[], requestContext = false) {
  const metrics = createMetrics(platform, { vertical: 'barber' })
  const scrape = metricsHandler(metrics.registry)
  const seenIds: (string | undefined)[] = []
  const app = instrumentHandler(
    metrics,
    (req, res) => {
      if (req.url === '/metrics') return void scrape(req, res)
      seenIds.push(requestContext ? currentRequestContext()?.requestId : requestIdOf(req))
      res.statusCode = req.url?.startsWith('/boom') ? 500 : req.url?.startsWith('/nope') ? 404 : 200
      res.end('ok')
    },
    { routes, requestContext },
  )
  const server = await listen(app)
  close = server.close
  return { url: server.url, metrics, seenIds }
}

describe('instrumentHandler', () => {
  it('labels requests by route template, method, status class and market, never by raw URL', async () => {
    const { url, metrics } = await serve(['/bookings/:id'])
    await fetch(`${url}/bookings/8f0c2a?email=ana@example.com`, { headers: { [MARKET_HEADER]: 'cordoba' } })
    await fetch(`${url}/boom/ana@example.com/123`, { method: 'POST' })
    await fetch(`${url}/nope/whatever`, { headers: { [MARKET_HEADER]: 'atlantis' } })
    const text = await metrics.registry.metrics()
    expect(text).toContain(
      'verticals_http_requests_total{market="cordoba",route="/bookings/:id",method="GET",status_class="2xx",vertical="barber"} 1',
    )
    expect(text).toContain('route="/boom/:param/:param",method="POST",status_class="5xx"')
    expect(text).toContain('market="unknown",route="/:not_found",method="GET",status_class="4xx"')
    expect(text).not.toContain('example.com')
    expect(text).not.toContain('8f0c2a')
  })

  it('does not measure probes or the scrape itself', async () => {
    const { url, metrics } = await serve([])
    const scraped = await (await fetch(`${url}/metrics`)).text()
    await fetch(`${url}/health`)
    expect(scraped).toContain('# TYPE verticals_http_requests_total counter')
    expect(await metrics.registry.metrics()).not.toMatch(/route="\/(metrics|health)"/)
  })

  it.each([false, true])(
    'keeps a safe incoming request id, replaces an unsafe one, and exposes it (requestContext %s)',
    async (requestContext) => {
      const { url, seenIds } = await serve([], requestContext)
      const kept = await fetch(`${url}/a`, { headers: { [REQUEST_ID_HEADER]: 'req-123' } })
      const replaced = await fetch(`${url}/a`, { headers: { [REQUEST_ID_HEADER]: 'bad id <script>' } })
      expect(kept.headers.get(REQUEST_ID_HEADER)).toBe('req-123')
      expect(replaced.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/)
      expect(seenIds).toEqual(['req-123', replaced.headers.get(REQUEST_ID_HEADER)])
    },
  )
})

describe('what frameworks and clients do', () => {
  it('takes the route template Express leaves on req.route (with the router’s baseUrl)', async () => {
    const metrics = createMetrics(platform, { vertical: 'barber' })
    const app = instrumentHandler(metrics, (req, res) => {
      // What Express sets once a route matched: `router.get('/bookings/:id')` mounted at `/api`.
      Object.assign(req, { baseUrl: '/api', route: { path: '/bookings/:id' } })
      res.end('ok')
    })
    const server = await listen(app)
    close = server.close
    await fetch(`${server.url}/api/bookings/42`)
    expect(await metrics.registry.metrics()).toContain(
      'route="/api/bookings/:id",method="GET",status_class="2xx"',
    )
  })

  it('classes 499 apart from 4xx, and codes outside 100-599 as 5xx', () => {
    expect([200, 404, 499, 503, 600, 99].map(statusClass)).toEqual([
      '2xx',
      '4xx',
      CLIENT_CLOSED_CLASS,
      '5xx',
      '5xx',
      '5xx',
    ])
  })

  it('counts a request the client abandoned as 499 (class client_closed), with its duration', async () => {
    const metrics = createMetrics(platform, { vertical: 'barber' })
    let reached!: () => void
    const handlerReached = new Promise<void>((resolve) => {
      reached = resolve
    })
    // The handler never answers; the client gives up once the server has the request (not on a
    // timer, which a loaded machine can beat before the request even arrives).
    const app = instrumentHandler(
      metrics,
      (_req, res) => {
        const late = setTimeout(() => res.end('late'), 60_000)
        res.on('close', () => clearTimeout(late))
        reached()
      },
      { routes: ['/slow'] },
    )
    const server = await listen(app)
    close = server.close
    const client = new AbortController()
    const request = fetch(`${server.url}/slow`, { signal: client.signal })
    await handlerReached
    client.abort()
    await expect(request).rejects.toThrow()
    // The server learns of the abort when the socket closes: wait for that, not for a fixed time.
    const series =
      'verticals_http_requests_total{market="unknown",route="/slow",method="GET",status_class="client_closed",vertical="barber"} 1'
    while (!(await metrics.registry.metrics()).includes(series)) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const text = await metrics.registry.metrics()
    expect(text).toContain(series)
    expect(text).toMatch(
      /verticals_http_request_duration_seconds_count\{market="unknown",route="\/slow",[^}]*\} 1/,
    )
  })
})
