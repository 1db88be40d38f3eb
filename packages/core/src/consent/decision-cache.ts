import { CircuitBreaker } from '../cache/breaker'
import { withTimeout } from '../cache/timeout'
import type { Context } from '../context'

/**
 * Consent decisions in Redis, in their compact text form. Reads fail open to PostgreSQL (a breaker
 * stops trying while Redis is down); fills never replace a value; grants and withdrawals overwrite.
 */
export class DecisionCache {
  private readonly breaker: CircuitBreaker
  private readonly timeoutMs: number

  constructor(
    private readonly ctx: Context,
    private readonly ttl: number,
  ) {
    const { circuitBreaker, timeout } = ctx.platform.cache
    this.breaker = new CircuitBreaker(circuitBreaker.failures, circuitBreaker.cooldown * 1000)
    this.timeoutMs = Math.max(1, timeout * 1000)
  }

  /** The cached state, or null when there is none or Redis cannot answer in time. */
  async get(key: string): Promise<string | null> {
    if (!this.breaker.allow()) return null
    try {
      const value = await withTimeout(this.ctx.redis.get(key), this.timeoutMs)
      this.breaker.success()
      return value
    } catch {
      this.breaker.failure()
      return null
    }
  }

  /** Stores a state read from PostgreSQL unless one is there (NX): a concurrent change wrote a newer one. */
  fill(key: string, state: string): void {
    if (!this.breaker.allow()) return
    this.ctx.redis.set(key, state, 'EX', this.ttl, 'NX').catch(() => this.breaker.failure())
  }

  /** Overwrites the state after a grant or withdrawal (invalidate, then answer), retrying once. */
  async replace(key: string, state: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await withTimeout(this.ctx.redis.set(key, state, 'EX', this.ttl), this.timeoutMs * 4)
        return true
      } catch {
        // retried once, then reported
      }
    }
    this.ctx.logger.error({ key }, 'consent recorded but its cached decision could not be replaced')
    return false
  }
}
