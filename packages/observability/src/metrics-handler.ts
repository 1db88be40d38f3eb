import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Registry } from 'prom-client'

/** Where Prometheus scrapes a Verticals service (the generated scrape config uses it too). */
export const METRICS_PATH = '/metrics'

/** A `/metrics` request handler that writes the registry in the Prometheus text format. */
export function metricsHandler(
  registry: Registry,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    try {
      const body = await registry.metrics()
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch (error) {
      // A collect callback failed; say so without leaking internals into the scrape.
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics collection failed\n')
      process.emitWarning(
        `metrics collection failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
}
