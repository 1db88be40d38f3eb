import { describe, expect, it } from 'vitest'
import { backoffDelay, isRetryable, withRetry } from './retry'

const http = (status: number, name = 'Error') =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } })

describe('retry policy', () => {
  it('classifies throttling, server errors, races and network resets as transient', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504]) expect(isRetryable(http(status))).toBe(true)
    for (const status of [400, 403, 404, 412, 501]) expect(isRetryable(http(status))).toBe(false)
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true)
    expect(isRetryable(Object.assign(new Error('x'), { $retryable: { throttling: true } }))).toBe(true)
    expect(isRetryable(new Error('plain'))).toBe(false)
    expect(isRetryable('not an error')).toBe(false)
  })

  it('doubles the delay per attempt, caps it, and jitters within the upper half', () => {
    const at = (attempt: number, random: number) =>
      backoffDelay(attempt, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => random })
    expect([1, 2, 3, 4, 5].map((attempt) => at(attempt, 1))).toEqual([100, 200, 400, 800, 1_000])
    expect(at(3, 0)).toBe(200)
  })

  it('retries transient failures up to the bound, sleeping between attempts', async () => {
    const sleeps: number[] = []
    let calls = 0
    const result = await withRetry(
      async (attempt) => {
        calls++
        if (attempt < 3) throw http(503)
        return 'ok'
      },
      { attempts: 5, baseDelayMs: 10, random: () => 1, sleep: async (ms) => void sleeps.push(ms) },
    )
    expect(result).toBe('ok')
    expect(calls).toBe(3)
    expect(sleeps).toEqual([10, 20])
  })

  it('stops at the bound and on the first permanent error', async () => {
    let calls = 0
    const fail = (error: Error) => async () => {
      calls++
      throw error
    }
    await expect(withRetry(fail(http(500)), { attempts: 3, sleep: async () => {} })).rejects.toThrow()
    expect(calls).toBe(3)
    calls = 0
    await expect(
      withRetry(fail(http(403, 'AccessDenied')), { attempts: 3, sleep: async () => {} }),
    ).rejects.toThrow('AccessDenied')
    expect(calls).toBe(1)
  })
})
