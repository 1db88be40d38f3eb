/** How transient S3 failures are retried: bounded attempts, exponential backoff with jitter. */
export interface RetryOptions {
  /** Total attempts per request, first one included (default 4). */
  attempts?: number
  /** Delay before the second attempt; doubles each time (default 200 ms). */
  baseDelayMs?: number
  /** Upper bound of any single delay (default 5 s). */
  maxDelayMs?: number
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>
  /** Injected for tests; returns [0, 1). */
  random?: () => number
}

// Status codes S3 documents as transient; 409 is a conditional-write race that a retry resolves.
const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504])
const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
])

interface ErrorShape {
  name?: string
  code?: string
  $retryable?: unknown
  $metadata?: { httpStatusCode?: number }
}

/** The HTTP status of an SDK error, when the server answered at all. */
export function statusOf(error: unknown): number | undefined {
  return (error as ErrorShape | null)?.$metadata?.httpStatusCode
}

/** Whether a failed request may succeed when sent again unchanged. */
export function isRetryable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const shape = error as ErrorShape
  if (shape.$retryable) return true
  const status = statusOf(error)
  if (status !== undefined) return RETRYABLE_STATUS.has(status)
  return (
    RETRYABLE_NETWORK.has(shape.code ?? '') || shape.name === 'TimeoutError' || shape.name === 'AbortError'
  )
}

/** The delay before attempt `attempt + 1` (attempt counts from 1): capped, with half jitter. */
export function backoffDelay(attempt: number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? 200
  const max = options.maxDelayMs ?? 5_000
  const exponential = Math.min(max, base * 2 ** (attempt - 1))
  const random = options.random ?? Math.random
  return Math.round(exponential / 2 + (exponential / 2) * random())
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs `fn` until it succeeds, fails with a non-retryable error, or the attempts are spent. */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4)
  const sleep = options.sleep ?? defaultSleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error
      await sleep(backoffDelay(attempt, options))
    }
  }
}
