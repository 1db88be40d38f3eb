import { CircuitBreaker } from '../cache/breaker'
import { changeDurably, RETRY_MS } from '../cache/durable'
import { withTimeout } from '../cache/timeout'
import type { Context } from '../context'

/**
 * Consent decisions in Redis, in their compact text form. Reads fail open to PostgreSQL (a breaker
 * stops trying while Redis is down); fills never replace a value; grants and withdrawals overwrite.
 *
 * A withdrawal must never be answered as a grant once it is committed, by any instance. Redis
 * replicates asynchronously and a shard can lose its primary, so a withdrawal's decision is written
 * durably (changeDurably in cache/durable.ts: on the primary and acknowledged by its replicas,
 * rewritten through a failover) before the withdrawal returns. Otherwise a promoted replica still holding the grant would serve
 * it to every other instance until someone rewrote it (issue 15: seen under load in the failover test).
 */
export class DecisionCache {
  private readonly breaker: CircuitBreaker
  private readonly timeoutMs: number
  /** Keys whose replacement failed (Redis down, a shard failing over): read from PostgreSQL until rewritten. */
  private readonly pending = new Map<string, string>()

  constructor(
    private readonly ctx: Context,
    private readonly ttl: number,
    /** How long a withdrawal keeps trying to make its decision durable before it gives up (ms). */
    private readonly durableWithinMs: number,
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
   * Before a withdrawal is committed: a denying state, so that an instance crashing between the
   * commit and the durable write cannot leave the grant behind. One attempt; the durable write follows.
   */
  async fence(key: string, state: string): Promise<void> {
    await withTimeout(this.ctx.redis.set(key, state, 'EX', this.ttl), this.timeoutMs).catch(() => undefined)
  }

  /** After a withdrawal failed to commit: removes the fence so the next check reads PostgreSQL. */
  async unfence(key: string): Promise<void> {
    await withTimeout(this.ctx.redis.del(key), this.timeoutMs).catch(() => undefined)
  }

  /**
   * Overwrites the state after a grant or withdrawal (invalidate, then answer). A grant is written
   * once with a retry: losing it only denies. A withdrawal (`durable`) is retried until its primary's
   * replicas hold it, through a failover, for at most the durable bound. When that fails, the old
   * decision may still sit in Redis: this instance then reads the key from PostgreSQL and keeps
   * rewriting it in the background until Redis takes it or the old value's TTL has run out.
   */
  async replace(key: string, state: string, options: { durable?: boolean } = {}): Promise<boolean> {
    this.pending.delete(key)
    const written = options.durable ? await this.writeDurably(key, state) : await this.write(key, state)
    if (written) return true
    this.ctx.logger.error({ key }, 'consent recorded but its cached decision could not be replaced')
    this.pending.set(key, state)
    this.retry(key, state, Date.now() + this.ttl * 1000)
    return false
  }

  private async write(key: string, state: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await this.writeOnce(key, state)) return true
    }
    return false
  }

  private async writeOnce(key: string, state: string): Promise<boolean> {
    try {
      await withTimeout(this.ctx.redis.set(key, state, 'EX', this.ttl), this.timeoutMs * 4)
      return true
    } catch {
      return false
    }
  }

  // Meanwhile this instance reads the key from PostgreSQL (pending), never the old decision.
  private async writeDurably(key: string, state: string): Promise<boolean> {
    this.pending.set(key, state)
    const durable = await changeDurably(
      this.ctx.redis,
      { key, value: state, ttl: this.ttl },
      { timeoutMs: this.timeoutMs, withinMs: this.durableWithinMs },
    )
    if (durable && this.pending.get(key) === state) this.pending.delete(key)
    return durable
  }

  private retry(key: string, state: string, until: number): void {
    const timer = setTimeout(async () => {
      if (this.pending.get(key) !== state) return // a newer change took over
      if ((await this.writeOnce(key, state)) || Date.now() >= until) {
        if (this.pending.get(key) === state) this.pending.delete(key)
        return
      }
      this.retry(key, state, until)
    }, RETRY_MS)
    timer.unref() // a pending rewrite never keeps the process alive
  }
}
