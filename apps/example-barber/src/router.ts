import type { IncomingMessage, ServerResponse } from 'node:http'
import { isPlatformError } from '@verticals/config-schema'
import type { AppContext, Handler } from './context'
import { HttpError, sendError, sendJson } from './http'
import { cancelBooking, createBooking, getBooking } from './routes/bookings'
import { grantConsent, withdrawConsent } from './routes/consents'
import { fulfilDsr, getDsr, openDsr } from './routes/dsr'
import { listProviders } from './routes/providers'

interface Route {
  readonly method: string
  /** The template metrics are labelled with, e.g. `/bookings/:id`. */
  readonly template: string
  readonly handler: Handler
}

/** Every API route of the service (probes and /metrics are served before routing). */
export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/providers', handler: listProviders },
  { method: 'POST', template: '/bookings', handler: createBooking },
  { method: 'GET', template: '/bookings/:id', handler: getBooking },
  { method: 'POST', template: '/bookings/:id/cancel', handler: cancelBooking },
  { method: 'POST', template: '/consents', handler: grantConsent },
  { method: 'DELETE', template: '/consents/:subjectId/:purpose', handler: withdrawConsent },
  { method: 'POST', template: '/dsr', handler: openDsr },
  { method: 'GET', template: '/dsr/:id', handler: getDsr },
  { method: 'POST', template: '/dsr/:id/fulfil', handler: fulfilDsr },
]

/** Matches a path against a template; the named segments become parameters. */
function match(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return undefined
  const params: Record<string, string> = {}
  for (const [i, segment] of want.entries()) {
    const value = got[i] as string
    if (segment.startsWith(':')) {
      if (value === '') return undefined
      params[segment.slice(1)] = decodeURIComponent(value)
    } else if (segment !== value) return undefined
  }
  return params
}

// PlatformError codes that describe the client's request rather than a fault of the service.
const STATUS_OF: Readonly<Record<string, [number, string]>> = {
  NOT_FOUND: [404, 'not_found'],
  INVALID_ARGUMENT: [400, 'invalid_request'],
  PURPOSE_UNKNOWN: [400, 'unknown_purpose'],
  IDENTITY_NOT_VERIFIED: [403, 'identity_not_verified'],
  DEPENDENCY_UNAVAILABLE: [503, 'dependency_unavailable'],
}

/** Dispatches a request to its route and turns failures into JSON errors. */
export async function route(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname
  const candidates = ROUTES.map((r) => ({ r, params: match(r.template, path) })).filter((c) => c.params)
  const chosen = candidates.find((c) => c.r.method === req.method)
  try {
    if (chosen === undefined) {
      if (candidates.length > 0) {
        res.setHeader('allow', candidates.map((c) => c.r.method).join(', '))
        throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on ${path}`)
      }
      throw new HttpError(404, 'not_found', `no route for ${req.method} ${path}`)
    }
    const { status, body } = await chosen.r.handler(ctx, req, chosen.params ?? {})
    sendJson(res, status, body)
  } catch (error) {
    sendError(res, toHttpError(ctx, error))
  }
}

function toHttpError(ctx: AppContext, error: unknown): HttpError {
  if (error instanceof HttpError) return error
  if (error instanceof URIError) return new HttpError(400, 'invalid_path', 'the path is not valid UTF-8')
  if (isPlatformError(error) && STATUS_OF[error.code]) {
    const [status, code] = STATUS_OF[error.code] as [number, string]
    return new HttpError(status, code, error.message, error.hint ? { hint: error.hint } : undefined)
  }
  ctx.logger.error({ err: error }, 'request failed')
  return new HttpError(500, 'internal', 'the request failed; see the service log for its request id')
}
