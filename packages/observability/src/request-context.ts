import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** What the runtime knows about the request being served; logs read it through AsyncLocalStorage. */
export interface RequestContext {
  readonly requestId: string
}

const storage = new AsyncLocalStorage<RequestContext>()
const REQUEST_ID = Symbol('verticals.requestId')
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The header that carries the request id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** The caller's request id when it is a short safe token (it ends up in logs), else a new UUID. */
export function requestIdFrom(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER]
  const value = Array.isArray(incoming) ? incoming[0] : incoming
  return value !== undefined && SAFE_ID.test(value) ? value : randomUUID()
}

/** Remembers the request id on the request object (requestIdOf reads it back). */
export function tagRequest(req: IncomingMessage, requestId: string): void {
  ;(req as IncomingMessage & { [REQUEST_ID]?: string })[REQUEST_ID] = requestId
}

/** Runs `fn` with `context` as the current request context (AsyncLocalStorage). */
export function runWithRequestContext<T>(req: IncomingMessage, context: RequestContext, fn: () => T): T {
  tagRequest(req, context.requestId)
  return storage.run(context, fn)
}

/** The context of the request being served on this async path, if the middleware set one. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore()
}

/** The request id the middleware assigned to `req`, if it saw the request. */
export function requestIdOf(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { [REQUEST_ID]?: string })[REQUEST_ID]
}
