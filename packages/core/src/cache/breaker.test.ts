import { describe, expect, it } from 'vitest'
import { CircuitBreaker } from './breaker'

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and lets one probe through after the cooldown', () => {
    let now = 0
    const breaker = new CircuitBreaker(3, 1000, () => now)
    breaker.failure()
    breaker.failure()
    expect(breaker.allow()).toBe(true)
    breaker.failure()
    expect(breaker.state).toBe('open')
    expect(breaker.allow()).toBe(false)
    now = 1000
    expect(breaker.allow()).toBe(true)
    expect(breaker.allow()).toBe(false) // one probe at a time
    breaker.success()
    expect(breaker.state).toBe('closed')
    expect(breaker.allow()).toBe(true)
  })

  it('reopens at once when the probe fails, and a success resets the count', () => {
    let now = 0
    const breaker = new CircuitBreaker(2, 500, () => now)
    breaker.failure()
    breaker.success()
    breaker.failure()
    expect(breaker.state).toBe('closed')
    breaker.failure()
    now = 600
    expect(breaker.allow()).toBe(true)
    breaker.failure()
    expect(breaker.state).toBe('open')
    expect(breaker.allow()).toBe(false)
  })
})
