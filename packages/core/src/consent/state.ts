// A consent state in a compact text form, the same in Redis and in memory: `n` no consent recorded,
// `w` withdrawn, `g:<expiry ms>` granted (`g:` when the grant never expires). Parsing it on a cache
// hit costs no JSON.

/** Why a check allowed or denied processing. */
export type ConsentReason = 'granted' | 'legal-basis' | 'none' | 'withdrawn' | 'expired' | 'unavailable'

/** The answer of consent.check. */
export interface ConsentDecision {
  allowed: boolean
  reason: ConsentReason
  /** When the grant expires (also set for an expired grant); null otherwise. */
  expiresAt: Date | null
}

/** The compact form of a consent_state row (or of its absence). */
export function encodeState(row: { status: string; expires_at: Date | null } | undefined): string {
  if (row === undefined) return 'n'
  if (row.status !== 'granted') return 'w'
  return row.expires_at === null ? 'g:' : `g:${row.expires_at.getTime()}`
}

/** Decides from a compact state at time `nowMs`; anything unreadable denies. */
export function decide(state: string, nowMs: number): ConsentDecision {
  if (state.startsWith('g:')) {
    if (state.length === 2) return { allowed: true, reason: 'granted', expiresAt: null }
    const expires = Number(state.slice(2))
    if (!Number.isFinite(expires)) return { allowed: false, reason: 'none', expiresAt: null }
    return nowMs < expires
      ? { allowed: true, reason: 'granted', expiresAt: new Date(expires) }
      : { allowed: false, reason: 'expired', expiresAt: new Date(expires) }
  }
  return { allowed: false, reason: state === 'w' ? 'withdrawn' : 'none', expiresAt: null }
}
