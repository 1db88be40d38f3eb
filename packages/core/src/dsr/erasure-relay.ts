// The erasure relay: how a vertical asks the verticals whose data is in another PostgreSQL store (a
// database it has no connection to) to erase a subject, and reads their answers. It lives outside every
// database, where each participating vertical's service can reach it with rights over its own part
// only: a vertical reads and removes the requests addressed to it, writes requests in its own name,
// reads the answers addressed to it and writes answers in its own name.

/** An erasure request carried by the relay: the vertical that asks, its request, the actor and the subject. */
export interface RelayedErasure {
  readonly from: string
  readonly requestId: string
  readonly actor: string
  readonly subjectId: string
}

/**
 * Carries erasure requests between the services of verticals on different PostgreSQL stores.
 * `s3ErasureRelay` (`@verticals/core/s3`) keeps it in an S3 bucket; `memoryErasureRelay` is for
 * development and tests in one process.
 */
export interface ErasureRelay {
  /** Asks `target` to erase the subject for `request`; the same request asked again changes nothing. */
  ask(target: string, request: RelayedErasure): Promise<void>
  /** The answer `target` gave to request `requestId` of vertical `from`, or undefined while none. */
  answer(from: string, target: string, requestId: string): Promise<unknown>
  /** Requests addressed to `target`, oldest first, at most `limit`. */
  pending(target: string, limit: number): Promise<RelayedErasure[]>
  /** Writes `target`'s answer to a request, then removes the request and with it the subject id. */
  respond(target: string, request: Pick<RelayedErasure, 'from' | 'requestId'>, result: unknown): Promise<void>
}

/** The objects a relay keeps, as a bucket holds them. */
export interface RelayObjects {
  /** Writes `body` at `key` unless an object is already there (If-None-Match); that one is kept. */
  create(key: string, body: string): Promise<void>
  /** The body at `key`, or undefined when there is none. */
  get(key: string): Promise<string | undefined>
  /** Keys under `prefix`, oldest first, at most `limit`. */
  list(prefix: string, limit: number): Promise<string[]>
  /** Removes the object at `key` (none there: nothing to do). */
  remove(key: string): Promise<void>
}

/** Where a request to `target` lives: `requests/<target>/<from>-<requestId>.json`. */
export const requestKey = (target: string, from: string, requestId: string): string =>
  `requests/${target}/${from}-${requestId}.json`

/**
 * Where `target`'s answer to `from` lives: `answers/<from>/<target>/<requestId>.json`. Each name is a
 * path segment of its own, so a grant can name one vertical as the asker or as the answerer.
 */
export const answerKey = (from: string, target: string, requestId: string): string =>
  `answers/${from}/${target}/${requestId}.json`

/**
 * The relay's layout on a store of objects: one object per request, written once, which the answering
 * service removes after writing its answer, so the subject id does not outlive the request.
 */
export function objectErasureRelay(objects: RelayObjects): ErasureRelay {
  return {
    async ask(target, request) {
      const body = JSON.stringify({
        from: request.from,
        requestId: request.requestId,
        actor: request.actor,
        subjectId: request.subjectId,
      })
      await objects.create(requestKey(target, request.from, request.requestId), body)
    },
    async answer(from, target, requestId) {
      const body = await objects.get(answerKey(from, target, requestId))
      return body === undefined ? undefined : (JSON.parse(body) as { result: unknown }).result
    },
    async pending(target, limit) {
      const requests: RelayedErasure[] = []
      for (const key of await objects.list(`requests/${target}/`, limit)) {
        const body = await objects.get(key)
        // Removed meanwhile (answered by another replica): nothing left to do.
        if (body === undefined) continue
        const request = parsed(body)
        // Only a request stored where its own names put it is carried out (a key is what rights scope);
        // anything else is left to the bucket's expiry rather than stopping every later request.
        if (request !== undefined && key === requestKey(target, request.from, request.requestId))
          requests.push(request)
      }
      return requests
    },
    async respond(target, request, result) {
      await objects.create(answerKey(request.from, target, request.requestId), JSON.stringify({ result }))
      await objects.remove(requestKey(target, request.from, request.requestId))
    },
  }
}

// A request's body as written by ask(), or undefined for anything else.
function parsed(body: string): RelayedErasure | undefined {
  try {
    const value = JSON.parse(body) as Partial<RelayedErasure> | null
    const fields = [value?.from, value?.requestId, value?.actor, value?.subjectId]
    return fields.every((f) => typeof f === 'string' && f !== '') ? (value as RelayedErasure) : undefined
  } catch {
    return undefined
  }
}

/** A relay in this process's memory, for development and tests: every platform given it shares it. */
export function memoryErasureRelay(): ErasureRelay {
  const objects = new Map<string, string>()
  return objectErasureRelay({
    async create(key, body) {
      if (!objects.has(key)) objects.set(key, body)
    },
    async get(key) {
      return objects.get(key)
    },
    async list(prefix, limit) {
      return [...objects.keys()].filter((k) => k.startsWith(prefix)).slice(0, limit)
    },
    async remove(key) {
      objects.delete(key)
    },
  })
}
