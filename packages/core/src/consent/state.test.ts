import { describe, expect, it } from 'vitest'
import { decide, encodeState } from './state'

describe('consent state', () => {
  const expires = new Date('2027-01-01T00:00:00Z')

  it('round-trips rows through the compact form', () => {
    expect(encodeState(undefined)).toBe('n')
    expect(encodeState({ status: 'withdrawn', expires_at: null })).toBe('w')
    expect(encodeState({ status: 'granted', expires_at: expires })).toBe(`g:${expires.getTime()}`)
    expect(encodeState({ status: 'granted', expires_at: null })).toBe('g:')
  })

  it('decides by expiry at the given time and denies anything unreadable', () => {
    const state = `g:${expires.getTime()}`
    expect(decide(state, expires.getTime() - 1)).toEqual({
      allowed: true,
      reason: 'granted',
      expiresAt: expires,
    })
    expect(decide(state, expires.getTime())).toEqual({
      allowed: false,
      reason: 'expired',
      expiresAt: expires,
    })
    expect(decide('w', 0)).toEqual({ allowed: false, reason: 'withdrawn', expiresAt: null })
    expect(decide('n', 0)).toEqual({ allowed: false, reason: 'none', expiresAt: null })
    expect(decide('g:garbage', 0)).toMatchObject({ allowed: false })
    expect(decide('', 0)).toMatchObject({ allowed: false })
  })
})
