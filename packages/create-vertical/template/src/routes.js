import { z } from 'zod'
import { HttpError, parseInput, readBody } from './http.js'

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'letters, digits and _ . : @ - only')
const bookingBody = z.strictObject({
  customerId: id,
  providerId: id,
  service: z.string().min(1).max(40),
  startsAt: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) > Date.now(), 'must be in the future'),
})
const consentBody = z.strictObject({
  subjectId: id,
  purpose: z.string().min(1).max(64),
  method: z.string().min(1).max(40).default('checkbox'),
})
const dsrBody = z.strictObject({
  subjectId: id.optional(),
  kind: z.enum(['access', 'erasure', 'portability', 'objection', 'restriction']),
  verification: z
    .strictObject({ method: z.string().min(1).max(40), evidenceRef: z.string().min(1).max(200) })
    .optional(),
})
const fulfilBody = z.strictObject({ purposes: z.array(z.string().min(1).max(64)).min(1).optional() })
const uuid = z.uuid()
const PURPOSE = 'booking'

/** Every API route: method, template (also the metrics label) and handler. */
export const ROUTES = [
  [
    'GET',
    '/providers',
    async (ctx) => ({
      // Cached in Redis as `api-responses`, with the TTL platform.yaml gives that data class.
      providers: await ctx.platform.cache.wrap('api-responses', 'providers', () => ctx.store.providers(), {
        subjectId: null,
      }),
    }),
  ],
  [
    'POST',
    '/bookings',
    async (ctx, req) => {
      const input = await readBody(req, bookingBody)
      const decision = await ctx.platform.consent.check(input.customerId, PURPOSE)
      if (!decision.allowed)
        throw new HttpError(
          decision.reason === 'unavailable' ? 503 : 403,
          'consent_required',
          `no valid consent for purpose "${PURPOSE}"`,
          { purpose: PURPOSE, reason: decision.reason },
        )
      const provider = await ctx.store.provider(input.providerId)
      if (!provider)
        throw new HttpError(404, 'provider_not_found', `provider "${input.providerId}" does not exist`)
      if (!provider.services.includes(input.service))
        throw new HttpError(400, 'service_not_offered', `${provider.name} does not offer "${input.service}"`)
      const booking = await ctx.store.createBooking({ ...input, market: provider.market })
      if (!booking)
        throw new HttpError(409, 'slot_taken', `${provider.name} is already booked at ${input.startsAt}`)
      await ctx.platform.audit.append({
        type: 'bookings.created',
        actor: input.customerId,
        subjectId: input.customerId,
        data: { bookingId: booking.id },
      })
      ctx.metrics.recordBookingCreated(provider.market)
      return [201, { booking }]
    },
  ],
  [
    'POST',
    '/bookings/:id/cancel',
    async (ctx, _req, p) => {
      const booking = await ctx.store.cancelBooking(parseInput(uuid, p.id))
      if (!booking) throw new HttpError(404, 'booking_not_found', `no confirmed booking ${p.id}`)
      await ctx.platform.audit.append({
        type: 'bookings.cancelled',
        actor: booking.customerId,
        subjectId: booking.customerId,
        data: { bookingId: booking.id },
      })
      return { booking }
    },
  ],
  [
    'POST',
    '/consents',
    async (ctx, req) => {
      const input = await readBody(req, consentBody)
      const evidence = { collectedBy: input.subjectId, method: input.method }
      const consent = await ctx.platform.consent.grant({
        subjectId: input.subjectId,
        purpose: input.purpose,
        evidence,
      })
      return [201, { consent }]
    },
  ],
  [
    'DELETE',
    '/consents/:subjectId/:purpose',
    async (ctx, _req, p) => ({
      consent: await ctx.platform.consent.withdraw({ subjectId: p.subjectId, purpose: p.purpose }),
    }),
  ],
  [
    'POST',
    '/dsr',
    // A subject opens requests about themselves (the signed token is the identity verification); a
    // privacy officer opens them for a subject it verified otherwise, and says how.
    async (ctx, req) => {
      const caller = ctx.auth.caller(req)
      const input = await readBody(req, dsrBody)
      if (caller.role === 'subject' && input.subjectId !== undefined && input.subjectId !== caller.sub)
        throw new HttpError(403, 'forbidden', 'a data subject may open requests about themselves only')
      if (caller.role !== 'subject' && (input.subjectId === undefined || input.verification === undefined))
        throw new HttpError(
          400,
          'invalid_request',
          'a privacy officer names the subject and how they verified them',
        )
      const verification =
        caller.role === 'subject'
          ? { method: 'signed-token', verifier: 'service', evidenceRef: `token:${caller.jti}` }
          : { ...input.verification, verifier: `privacy-officer:${caller.sub}` }
      const subjectId = caller.role === 'subject' ? caller.sub : input.subjectId
      const request = await ctx.platform.dsr.open({
        subjectId,
        kind: input.kind,
        verification,
        actor: caller.sub,
      })
      return [201, { request }]
    },
  ],
  [
    'POST',
    '/dsr/:id/fulfil',
    async (ctx, req, p) => {
      const caller = ctx.auth.caller(req)
      if (caller.role !== 'privacy-officer')
        throw new HttpError(403, 'forbidden', 'only a privacy officer may fulfil a data-subject request')
      const input = req.headers['content-type'] ? await readBody(req, fulfilBody) : {}
      const open = await ctx.platform.dsr.get(parseInput(uuid, p.id))
      if (open.status !== 'open' || open.subjectId === null)
        throw new HttpError(409, 'request_closed', `request ${p.id} is already ${open.status}`)
      const actor = `privacy-officer:${caller.sub}`
      if (open.kind === 'access' || open.kind === 'portability') {
        const bookings = await ctx.store.bookingsOf(open.subjectId)
        const done = await ctx.platform.dsr.fulfil(open.id, { actor })
        return open.kind === 'access'
          ? { request: done.request, export: { ...done.export, bookings } }
          : { request: done.request, portable: { ...done.portable, bookings } }
      }
      if (open.kind !== 'erasure') {
        const done = await ctx.platform.dsr.fulfil(open.id, {
          actor,
          ...(input.purposes ? { purposes: input.purposes } : {}),
        })
        return { request: done.request, restriction: done.restriction }
      }
      // The service's rows go first: if the platform's erasure fails, the request stays open for a retry.
      const bookings = await ctx.store.eraseCustomer(open.subjectId)
      const done = await ctx.platform.dsr.fulfil(open.id, { actor })
      return { request: done.request, erased: { ...done.erased, bookings } }
    },
  ],
]

/** Matches a path against a template such as `/bookings/:id`; returns the parameters. */
export function match(template, path) {
  const want = template.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return undefined
  const params = {}
  for (const [i, segment] of want.entries()) {
    if (segment.startsWith(':') && got[i] !== '') params[segment.slice(1)] = decodeURIComponent(got[i])
    else if (segment !== got[i]) return undefined
  }
  return params
}
