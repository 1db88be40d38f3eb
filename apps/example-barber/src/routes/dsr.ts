import { requireOfficer, requireSubjectOrOfficer } from '../auth'
import type { Handler } from '../context'
import { HttpError, parseInput, readBody } from '../http'
import { fulfilDsrSchema, openDsrSchema, uuidSchema } from '../schemas'

/**
 * POST /dsr: opens a request; the response carries its deadline. The caller is authenticated: a data
 * subject opens their own request (the signed token is the identity verification), a privacy officer
 * opens one for a subject whose identity they verified and says how.
 */
export const openDsr: Handler = async (ctx, req) => {
  const caller = ctx.auth.caller(req)
  const input = await readBody(req, openDsrSchema)
  let subjectId: string
  let verification: { method: string; verifier: string; evidenceRef: string }
  if (caller.role === 'subject') {
    if (input.subjectId !== undefined && input.subjectId !== caller.sub)
      throw new HttpError(403, 'forbidden', 'a data subject may open requests about themselves only')
    subjectId = caller.sub
    verification = { method: 'signed-token', verifier: 'barber-api', evidenceRef: `token:${caller.jti}` }
  } else {
    if (input.subjectId === undefined || input.verification === undefined)
      throw new HttpError(
        400,
        'invalid_request',
        'a privacy officer names the subject and how they verified them',
        {
          hint: 'Send { subjectId, kind, verification: { method, evidenceRef } }.',
        },
      )
    subjectId = input.subjectId
    verification = { ...input.verification, verifier: `privacy-officer:${caller.sub}` }
  }
  const request = await ctx.platform.dsr.open({
    subjectId,
    kind: input.kind,
    verification,
    actor: caller.sub,
  })
  return { status: 201, body: { request } }
}

/** GET /dsr/:id: the subject it is about, or a privacy officer. */
export const getDsr: Handler = async (ctx, req, params) => {
  const caller = ctx.auth.caller(req)
  const request = await ctx.platform.dsr.get(parseInput(uuidSchema, params.id))
  requireSubjectOrOfficer(caller, request.subjectId)
  return { status: 200, body: { request } }
}

/**
 * POST /dsr/:id/fulfil (privacy officers only): access and portability return the platform's export
 * plus the app's bookings; an erasure removes the app's bookings first, then the platform's records,
 * consent and cache; restriction and objection (body `{ purposes }`) take effect in consent checks.
 */
export const fulfilDsr: Handler = async (ctx, req, params) => {
  const caller = ctx.auth.caller(req)
  requireOfficer(caller)
  const id = parseInput(uuidSchema, params.id)
  const input = req.headers['content-type'] ? await readBody(req, fulfilDsrSchema) : {}
  const open = await ctx.platform.dsr.get(id)
  if (open.status !== 'open' || open.subjectId === null) {
    throw new HttpError(409, 'request_closed', `request ${id} is already ${open.status}`)
  }
  const subjectId = open.subjectId
  const actor = `privacy-officer:${caller.sub}`
  if (open.kind === 'access' || open.kind === 'portability') {
    const bookings = await ctx.store.bookingsOf(subjectId)
    const done = await ctx.platform.dsr.fulfil(id, { actor })
    const body =
      open.kind === 'access'
        ? { request: done.request, export: { ...done.export, bookings } }
        : { request: done.request, portable: { ...done.portable, bookings } }
    return { status: 200, body }
  }
  if (open.kind !== 'erasure') {
    const done = await ctx.platform.dsr.fulfil(id, {
      actor,
      ...(input.purposes ? { purposes: input.purposes } : {}),
    })
    return { status: 200, body: { request: done.request, restriction: done.restriction } }
  }
  // App rows go first: if the platform erasure fails, the request stays open and a retry finishes it.
  const bookings = await ctx.store.eraseCustomer(subjectId)
  const done = await ctx.platform.dsr.fulfil(id, { actor })
  return { status: 200, body: { request: done.request, erased: { ...done.erased, bookings } } }
}
