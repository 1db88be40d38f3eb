import { describe, expect, it } from 'vitest'
import { decide, encodeState } from './state'

describe('consent state', () => {
  const expires = new Date('2027-01-01T00:00:00Z')

  it('round-trips rows through the compact form', () => {
    expect(encodeState(undefined)).toBe('n')
    expect(encodeState({ status: 'withdrawn', expires_at: null })).toBe('w')
    expect(encodeState({ status: 'granted', expires_at: expires })).toBe(`g:${expires.getTime()};`)
    expect(encodeState({ status: 'granted', expires_at: null, text_version: '2026-01' })).toBe('g:;2026-01')
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

  it('denies a grant under another text version when the purpose asks for re-consent', () => {
    const state = `g:${expires.getTime()};2026-01`
    expect(decide(state, 0, '2026-01')).toMatchObject({ allowed: true, reason: 'granted' })
    expect(decide(state, 0, '2026-02')).toEqual({
      allowed: false,
      reason: 'text-changed',
      expiresAt: expires,
    })
    expect(decide(state, 0)).toMatchObject({ allowed: true })
    // A decision cached before versions were recorded cannot prove the current text was shown.
    expect(decide(`g:${expires.getTime()}`, 0, '2026-01')).toMatchObject({ reason: 'text-changed' })
    expect(decide(state, expires.getTime(), '2026-02')).toMatchObject({ reason: 'expired' })
  })
})
