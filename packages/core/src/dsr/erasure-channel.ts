import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import type { SiblingErasure } from './platform-wide'

// Platform-wide erasure in verticals this service cannot erase itself (their own schema, roles and keys,
// or another database): it asks each one's own service through a channel, and each service erases as
// it does for its own requests and writes its report back. Two channels carry the same exchange: the
// request table of a shared PostgreSQL store (co-tenants.ts) and the erasure relay outside every
// database (relay-channel.ts). Asking, waiting for the reports and answering are the same for both.

/** How erasure waits for other verticals' services, and how often a vertical looks for their requests. */
export interface CoTenantErasureTiming {
  /** Milliseconds dsr.fulfil waits for every asked vertical's report before DEPENDENCY_UNAVAILABLE (default 30000). */
  waitMs: number
  /** Milliseconds between two looks for requests asked of this vertical (default 1000; 0: never, call dsr.answerErasureRequests). */
  pollMs: number
}

/** The defaults of CoTenantErasureTiming. */
export const CO_TENANT_TIMING: CoTenantErasureTiming = Object.freeze({ waitMs: 30_000, pollMs: 1000 })

/** Who asked for an erasure: the vertical, its request and the actor who fulfilled it. */
export interface ErasureOrigin {
  requestedIn: string
  requestId: string
  actor: string
}

/** One vertical asked to erase, and where the channel finds its answer. */
export interface AskedVertical {
  readonly vertical: string
  /** The channel's own handle of the request (a row id, an object key). */
  readonly handle: string
}

/** A request asked of this vertical, as its own service reads it. */
export interface IncomingErasure {
  readonly handle: string
  readonly subjectId: string
  readonly origin: ErasureOrigin
}

/** One way to reach the services of other verticals with erasure requests, and to be reached by them. */
export interface ErasureChannel {
  /** Where the asked verticals are, for messages (e.g. `same PostgreSQL store`). */
  readonly via: string
  /** What their services run to answer, for the hint of a missing answer. */
  readonly answeredBy: string
  /**
   * Asks every vertical this channel reaches to erase the subject; asking again for the same request
   * (a retried fulfil) asks nothing new. `absent`: verticals that hold nothing to erase there.
   */
  ask(subjectId: string, origin: ErasureOrigin): Promise<{ asked: AskedVertical[]; absent: string[] }>
  /** The report an asked vertical wrote back (dates as JSON gives them), or undefined while none. */
  result(asked: AskedVertical): Promise<unknown>
  /** Requests asked of this vertical and not answered yet, at most `limit`, oldest first. */
  pending(limit: number): Promise<IncomingErasure[]>
  /** Writes this vertical's report of a request and forgets its subject; false if it was answered already. */
  answer(request: IncomingErasure, result: SiblingErasure): Promise<boolean>
}

/** How one vertical erases a subject when another vertical asks it (dsr's own erasure, as asked). */
export type EraseAsked = (subjectId: string, origin: ErasureOrigin) => Promise<SiblingErasure>

/** Asks through every channel; what each asked, and the verticals that hold nothing to erase. */
export async function askAll(
  channels: readonly ErasureChannel[],
  subjectId: string,
  origin: ErasureOrigin,
): Promise<{ asked: Map<ErasureChannel, AskedVertical[]>; absent: string[] }> {
  const asked = new Map<ErasureChannel, AskedVertical[]>()
  const absent: string[] = []
  for (const channel of channels) {
    const result = await channel.ask(subjectId, origin)
    asked.set(channel, result.asked)
    absent.push(...result.absent)
  }
  return { asked, absent }
}

/**
 * Waits up to `waitMs` for every asked vertical's report. One that has not answered by then fails the
 * fulfilment (DEPENDENCY_UNAVAILABLE): the request stays open, and a retry collects the answers.
 */
export async function awaitAnswers(
  asked: ReadonlyMap<ErasureChannel, readonly AskedVertical[]>,
  waitMs: number,
): Promise<Record<string, SiblingErasure>> {
  const answers: Record<string, SiblingErasure> = {}
  const deadline = Date.now() + waitMs
  let pause = 10
  for (;;) {
    for (const [channel, verticals] of asked) {
      for (const member of verticals) {
        if (answers[member.vertical] !== undefined) continue
        const result = await channel.result(member)
        if (result !== null && result !== undefined) answers[member.vertical] = revive(result)
      }
    }
    const missing = [...asked].flatMap(([channel, verticals]) => {
      const names = verticals.filter((m) => answers[m.vertical] === undefined).map((m) => m.vertical)
      return names.length === 0 ? [] : [{ channel, names }]
    })
    if (missing.length === 0) return answers
    if (Date.now() >= deadline) throw notAnswered(missing, waitMs)
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))))
    pause = Math.min(pause * 2, 250)
  }
}

/**
 * Carries out the requests asked of this vertical through `channel`, each with `erase` (the erasure
 * this vertical performs for its own requests), and writes each report back. Returns how many it answered.
 */
export async function answerPending(channel: ErasureChannel, erase: EraseAsked, limit = 50): Promise<number> {
  let answered = 0
  for (const request of await channel.pending(limit)) {
    const result = await erase(request.subjectId, request.origin)
    if (await channel.answer(request, result)) answered += 1
  }
  return answered
}

/**
 * Answers other verticals' requests every `everyMs` while the platform runs (only where some may ask).
 * Returns the stop function, which waits for a round in progress.
 */
export function answerPeriodically(
  ctx: Context,
  answer: () => Promise<number>,
  everyMs: number,
  mayBeAsked: boolean,
): () => Promise<void> {
  if (!mayBeAsked || everyMs <= 0) return async () => {}
  let running: Promise<void> | undefined
  const timer = setInterval(() => {
    if (running !== undefined) return
    running = answer()
      .then(
        () => undefined,
        (error: unknown) =>
          ctx.logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            "other verticals' erasure requests could not be answered yet; the next round retries",
          ),
      )
      .finally(() => {
        running = undefined
      })
  }, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}

// A report as JSON gives dates as strings: the duty's end date becomes a Date again.
function revive(result: unknown): SiblingErasure {
  const report = result as SiblingErasure
  if ('skipped' in report) return report
  for (const duty of report.personalRecords.keptUnderDuty) duty.until = new Date(duty.until)
  return report
}

function notAnswered(missing: { channel: ErasureChannel; names: string[] }[], waitMs: number): PlatformError {
  const all = missing.flatMap((m) => m.names).join(', ')
  const where = missing.map((m) => `${m.names.join(', ')} (${m.channel.via})`).join('; ')
  const how = [...new Set(missing.map((m) => m.channel.answeredBy))].join('; ')
  return new PlatformError(
    'DEPENDENCY_UNAVAILABLE',
    `the erasure was asked of ${where} but not answered within ${waitMs} ms`,
    {
      hint: `Their services carry it out (${how}): check that ${all} run. The request stays open: retry dsr.fulfil, which collects their reports.`,
    },
  )
}
