import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RedisTimeout, withTimeout } from '../src/cache/timeout'
import { createEnv, type Env } from './harness'

let env: Env
beforeEach(async () => {
  env = await createEnv()
  await env.redis.set(`${env.prefix}k`, 'v')
})
afterEach(async () => {
  await env.cleanup()
})

/** Keeps the process busy for `ms` (what a GC pause or CPU-bound work does to the event loop). */
function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // spin
  }
}

describe('withTimeout on a real Redis', () => {
  it('takes a reply that arrived while the process was busy past the timeout', async () => {
    // The GET is on the wire at once; Redis answers within the spin, and the reply waits on the
    // socket while the timer expires too: the reply wins, the process's own lag is not a timeout.
    const reply = withTimeout(env.redis.get(`${env.prefix}k`), 5)
    busy(250)
    await expect(reply).resolves.toBe('v')
  })

  it('still times out a call that gets no reply', async () => {
    const never = new Promise<string>(() => undefined)
    await expect(withTimeout(never, 5)).rejects.toBeInstanceOf(RedisTimeout)
  })
})
