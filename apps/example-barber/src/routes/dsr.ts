import type { Handler } from '../context'
import { HttpError, parseInput, readBody } from '../http'
import { openDsrSchema, uuidSchema } from '../schemas'

/** POST /dsr: opens an access or erasure request; the response carries its deadline. */
export const openDsr: Handler = async (ctx, req) => {
  const input = await readBody(req, openDsrSchema)
  const request = await ctx.platform.dsr.open({ subjectId: input.subjectId, kind: input.kind })
  return { status: 201, body: { request } }
}

/** GET /dsr/:id */
export const getDsr: Handler = async (ctx, _req, params) => {
  const request = await ctx.platform.dsr.get(parseInput(uuidSchema, params.id))
  return { status: 200, body: { request } }
}

/**
 * POST /dsr/:id/fulfil: an access request returns the platform's export plus the app's bookings;
 * an erasure removes the app's bookings first, then the platform's records, consent and cache.
 */
export const fulfilDsr: Handler = async (ctx, _req, params) => {
  const id = parseInput(uuidSchema, params.id)
  const open = await ctx.platform.dsr.get(id)
  if (open.status !== 'open' || open.subjectId === null) {
    throw new HttpError(409, 'request_closed', `request ${id} is already ${open.status}`)
  }
  const subjectId = open.subjectId
  if (open.kind === 'access') {
    const bookings = await ctx.store.bookingsOf(subjectId)
    const done = await ctx.platform.dsr.fulfil(id, { actor: 'barber-api' })
    return { status: 200, body: { request: done.request, export: { ...done.export, bookings } } }
  }
  // App rows go first: if the platform erasure fails, the request stays open and a retry finishes it.
  const bookings = await ctx.store.eraseCustomer(subjectId)
  const done = await ctx.platform.dsr.fulfil(id, { actor: 'barber-api' })
  return { status: 200, body: { request: done.request, erased: { ...done.erased, bookings } } }
}
