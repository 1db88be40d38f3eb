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
  /** Keys whose replacement failed (Redis down, a shard failing over): read from PostgreSQL until rewritten. */
  private readonly pending = new Map<string, string>()

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
    if (this.pending.has(key) || !this.breaker.allow()) return null
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
    if (this.pending.has(key) || !this.breaker.allow()) return
    this.ctx.redis.set(key, state, 'EX', this.ttl, 'NX').catch(() => this.breaker.failure())
  }

  /**
   * Overwrites the state after a grant or withdrawal (invalidate, then answer), retrying once. When
   * that fails, the old decision may still sit in Redis (on a replica about to be promoted, say): this
   * instance then reads the key from PostgreSQL and keeps rewriting it in the background until Redis
   * takes it or the old value's TTL has run out, so no instance serves it for longer than the outage.
   */
  async replace(key: string, state: string): Promise<boolean> {
    this.pending.delete(key)
    if (await this.write(key, state)) return true
    this.ctx.logger.error({ key }, 'consent recorded but its cached decision could not be replaced')
    this.pending.set(key, state)
    this.retry(key, state, Date.now() + this.ttl * 1000)
    return false
  }

  private async write(key: string, state: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await withTimeout(this.ctx.redis.set(key, state, 'EX', this.ttl), this.timeoutMs * 4)
        return true
      } catch {
        // retried once, then reported
      }
    }
    return false
  }

  private retry(key: string, state: string, until: number): void {
    const timer = setTimeout(async () => {
      if (this.pending.get(key) !== state) return // a newer change took over
      if ((await this.write(key, state)) || Date.now() >= until) {
        if (this.pending.get(key) === state) this.pending.delete(key)
        return
      }
      this.retry(key, state, until)
    }, RETRY_MS)
    timer.unref() // a pending rewrite never keeps the process alive
  }
}

/** Milliseconds between background rewrites of a decision Redis did not take. */
const RETRY_MS = 100
