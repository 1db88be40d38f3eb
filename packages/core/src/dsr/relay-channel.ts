import type { Context } from '../context'
import type { AskedVertical, ErasureChannel, IncomingErasure } from './erasure-channel'
import type { ErasureRelay } from './erasure-relay'

/**
 * The erasure relay as a channel: this vertical asks each vertical on another PostgreSQL store
 * (`ctx.otherStores`) through the relay, reads their answers there, and answers the requests the relay
 * holds for it. A request already answered is never asked or carried out again: a retried fulfil, or a
 * request written again just as its answer was given, erases once.
 */
export function relayChannel(ctx: Context, relay: ErasureRelay): ErasureChannel {
  const me = ctx.vertical.name
  return {
    via: 'another PostgreSQL store, through the erasure relay',
    answeredBy: 'dsr.answerErasureRequests on the erasure relay, every coTenantErasure.pollMs',
    async ask(subjectId, origin) {
      const asked: AskedVertical[] = []
      for (const target of ctx.otherStores ?? []) {
        const answered = await relay.answer(origin.requestedIn, target, origin.requestId)
        if (answered === undefined) {
          await relay.ask(target, {
            from: origin.requestedIn,
            requestId: origin.requestId,
            actor: origin.actor,
            subjectId,
          })
        }
        asked.push({ vertical: target, handle: origin.requestId })
      }
      return { asked, absent: [] }
    },
    result(asked) {
      return relay.answer(me, asked.vertical, asked.handle)
    },
    async pending(limit) {
      const incoming: IncomingErasure[] = []
      for (const request of await relay.pending(me, limit)) {
        // Answered already: only the request is left to remove, with the answer given.
        const given = await relay.answer(request.from, me, request.requestId)
        if (given !== undefined) {
          await relay.respond(me, request, given)
          continue
        }
        incoming.push({
          handle: request.requestId,
          subjectId: request.subjectId,
          origin: { requestedIn: request.from, requestId: request.requestId, actor: request.actor },
        })
      }
      return incoming
    },
    async answer(request, result) {
      const { requestedIn: from, requestId } = request.origin
      await relay.respond(me, { from, requestId }, result)
      return true
    },
  }
}
