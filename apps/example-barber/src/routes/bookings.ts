import type { Handler } from '../context'
import { HttpError, parseInput, readBody } from '../http'
import { createBookingSchema, uuidSchema } from '../schemas'

const PURPOSE = 'booking'

/** POST /bookings: needs the customer's `booking` consent; writes the booking and audits it. */
export const createBooking: Handler = async (ctx, req) => {
  const input = await readBody(req, createBookingSchema)
  if (ctx.sdk) {
    const decision = await ctx.platform.consent.check(input.customerId, PURPOSE)
    if (!decision.allowed) {
      // `unavailable` means PostgreSQL could not answer: consent fails closed, but the client may retry.
      const status = decision.reason === 'unavailable' ? 503 : 403
      throw new HttpError(status, 'consent_required', `no valid consent for purpose "${PURPOSE}"`, {
        purpose: PURPOSE,
        reason: decision.reason,
      })
    }
  }
  const provider = await ctx.store.provider(input.providerId)
  if (provider === undefined) {
    throw new HttpError(404, 'provider_not_found', `provider "${input.providerId}" does not exist`)
  }
  if (!provider.services.includes(input.service)) {
    throw new HttpError(400, 'service_not_offered', `${provider.name} does not offer "${input.service}"`, {
      services: provider.services,
    })
  }
  const booking = await ctx.store.createBooking({ ...input, market: provider.market })
  if (booking === undefined) {
    throw new HttpError(409, 'slot_taken', `${provider.name} is already booked at ${input.startsAt}`)
  }
  await ctx.platform.audit.append({
    type: 'bookings.created',
    actor: input.customerId,
    subjectId: input.customerId,
    data: { bookingId: booking.id, providerId: booking.providerId, startsAt: booking.startsAt },
  })
  if (ctx.sdk) ctx.metrics.recordBookingCreated(provider.market)
  return { status: 201, body: { booking } }
}

/** GET /bookings/:id */
export const getBooking: Handler = async (ctx, _req, params) => {
  const id = parseInput(uuidSchema, params.id)
  const booking = await ctx.store.booking(id)
  if (booking === undefined) throw new HttpError(404, 'booking_not_found', `booking ${id} does not exist`)
  return { status: 200, body: { booking } }
}

/** POST /bookings/:id/cancel: cancels a confirmed booking (409 when it is already cancelled). */
export const cancelBooking: Handler = async (ctx, _req, params) => {
  const id = parseInput(uuidSchema, params.id)
  const booking = await ctx.store.cancelBooking(id)
  if (booking === undefined) {
    const existing = await ctx.store.booking(id)
    if (existing === undefined) throw new HttpError(404, 'booking_not_found', `booking ${id} does not exist`)
    throw new HttpError(409, 'already_cancelled', `booking ${id} is already cancelled`)
  }
  await ctx.platform.audit.append({
    type: 'bookings.cancelled',
    actor: booking.customerId,
    subjectId: booking.customerId,
    data: { bookingId: booking.id },
  })
  return { status: 200, body: { booking } }
}
