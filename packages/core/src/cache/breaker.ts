/**
 * A circuit breaker: after `threshold` consecutive failures it opens for `cooldownMs`, during which
 * calls skip Redis entirely; then one probe is let through, and its outcome closes or reopens it.
 */
export class CircuitBreaker {
  private failures = 0
  private openUntil = 0
  private probing = false

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may go to Redis now. */
  allow(): boolean {
    if (this.openUntil === 0) return true
    if (this.probing || this.now() < this.openUntil) return false
    this.probing = true
    return true
  }

  /** Records a successful call: the breaker closes. */
  success(): void {
    this.failures = 0
    this.openUntil = 0
    this.probing = false
  }

  /** Records a failed call: opens after `threshold` in a row, or at once when a probe fails. */
  failure(): void {
    this.failures += 1
    if (this.probing || this.failures >= this.threshold) {
      this.openUntil = this.now() + this.cooldownMs
      this.probing = false
    }
  }

  /** The breaker's state, for health checks. */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openUntil === 0) return 'closed'
    return this.probing || this.now() >= this.openUntil ? 'half-open' : 'open'
  }
}
