import type { IncomingMessage, ServerResponse } from 'node:http'
import { marketRecognizer } from './markets'
import type { VerticalMetrics } from './metrics'
import { METRICS_PATH } from './metrics-handler'
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext, tagRequest } from './request-context'
import { RouteTemplater } from './routes'

/**
 * nginx's code for a client that went away before the response was complete. The middleware records
 * such a request with this status, so its `status_class` is CLIENT_CLOSED_CLASS and its duration is
 * how long the client waited: the availability SLI counts it as an error once that passed the
 * latency target (the client gave up on a slow service), as a client's choice before it.
 */
export const CLIENT_CLOSED = 499

/** Options of the HTTP instrumentation. */
export interface HttpInstrumentationOptions {
  /** Route templates of the service (`/bookings/:id`); unmatched paths get a bounded derived template. */
  readonly routes?: readonly string[]
  /**
   * Picks the request's market; by default the rules of `markets.<name>.recognize` in platform.yaml
   * (CloudFront viewer region or city, host, path prefix), then the `x-verticals-market` header.
   * Values that are not a market of the vertical count as `unknown`.
   */
  readonly market?: (req: IncomingMessage) => string | undefined
  /** Paths not measured (exact match); by default the config's probe paths and `/metrics`. */
  readonly ignore?: readonly string[]
  /**
   * Run each request inside an AsyncLocalStorage context so every log line written while serving it
   * carries its request id without passing a logger around. Off by default: on Node 20,
   * AsyncLocalStorage turns on async_hooks for the whole process (microseconds per request, see
   * BENCHMARKS.md); without it, use `requestLogger(logger, req)`.
   */
  readonly requestContext?: boolean
}

/** A connect-style middleware: Express `app.use(mw)`, or Fastify `onRequest` with `mw(req.raw, reply.raw, done)`. */
export type HttpMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/** Builds the middleware that assigns a request id, and counts and times every response. */
export function createHttpMiddleware(
  metrics: VerticalMetrics,
  options: HttpInstrumentationOptions = {},
): HttpMiddleware {
  const templater = new RouteTemplater(options.routes)
  const probes = metrics.platform.compute.probes
  const ignore = new Set(options.ignore ?? [probes.liveness.path, probes.readiness.path, METRICS_PATH])
  const marketOf = options.market ?? marketRecognizer(metrics.platform, metrics.vertical)
  const withContext = options.requestContext === true
  return (req, res, next) => {
    const requestId = requestIdFrom(req)
    res.setHeader(REQUEST_ID_HEADER, requestId)
    const path = pathOf(req.url)
    if (!ignore.has(path)) {
      const start = performance.now()
      // One listener: 'close' follows 'finish' for a complete response, and also fires when the
      // client went away first (then the response never finished).
      res.on('close', () => {
        const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED
        const seconds = (performance.now() - start) / 1000
        const route = expressRoute(req) ?? templater.template(req.url, status)
        metrics.recordHttpRequest({ market: marketOf(req), route, method: req.method, status, seconds })
      })
    }
    if (withContext) runWithRequestContext(req, { requestId }, next)
    else {
      tagRequest(req, requestId)
      next()
    }
  }
}

/** Wraps a plain `node:http` request listener with the middleware. */
export function instrumentHandler(
  metrics: VerticalMetrics,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: HttpInstrumentationOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const middleware = createHttpMiddleware(metrics, options)
  return (req, res) => middleware(req, res, () => handler(req, res))
}

function pathOf(url: string | undefined): string {
  const value = url ?? '/'
  const query = value.indexOf('?')
  return query === -1 ? value : value.slice(0, query)
}

// Express sets req.route (and req.baseUrl) once a route matched: the framework's own template wins.
function expressRoute(req: IncomingMessage): string | undefined {
  const r = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: unknown }
  if (typeof r.route?.path !== 'string') return undefined
  return `${typeof r.baseUrl === 'string' ? r.baseUrl : ''}${r.route.path}`
}
