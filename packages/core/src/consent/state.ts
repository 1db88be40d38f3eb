// A consent state in a compact text form, the same in Redis and in memory: `n` no consent recorded,
// `w` withdrawn, `r` restricted, `o` objected (dsr/restrictions.ts), `b` allowed by another legal
// basis, `g:<expiry ms>;<text version>` granted (no expiry digits when the grant never
// expires). Parsing it on a cache hit costs no JSON.

/** Why a check allowed or denied processing. */
export type ConsentReason =
  | 'granted'
  | 'legal-basis'
  | 'none'
  | 'withdrawn'
  | 'expired'
  | 'text-changed'
  | 'unavailable'
  | 'restricted'
  | 'objected'

/** The answer of consent.check. */
export interface ConsentDecision {
  allowed: boolean
  reason: ConsentReason
  /** When the grant expires (also set for an expired grant); null otherwise. */
  expiresAt: Date | null
}

/** The compact form of a consent_state row (or of its absence). */
export function encodeState(
  row:
    | {
        status: string | null
        expires_at: Date | null
        text_version?: string | null
        restricted?: string | null
      }
    | undefined,
): string {
  if (row?.restricted) return row.restricted === 'restriction' ? 'r' : 'o'
  if (row === undefined || row.status === null) return 'n'
  if (row.status !== 'granted') return 'w'
  return `g:${row.expires_at === null ? '' : row.expires_at.getTime()};${row.text_version ?? ''}`
}

/**
 * Decides from a compact state at time `nowMs`; anything unreadable denies. With `textVersion` (a
 * purpose that needs re-consent when the text changes), a grant under another version denies.
 */
export function decide(state: string, nowMs: number, textVersion?: string): ConsentDecision {
  if (state.startsWith('g:')) {
    const cut = state.indexOf(';')
    const expiry = state.slice(2, cut === -1 ? undefined : cut)
    const expires = expiry === '' ? null : Number(expiry)
    if (expires !== null && !Number.isFinite(expires))
      return { allowed: false, reason: 'none', expiresAt: null }
    const expiresAt = expires === null ? null : new Date(expires)
    if (expires !== null && nowMs >= expires) return { allowed: false, reason: 'expired', expiresAt }
    if (textVersion !== undefined && (cut === -1 || state.slice(cut + 1) !== textVersion))
      return { allowed: false, reason: 'text-changed', expiresAt }
    return { allowed: true, reason: 'granted', expiresAt }
  }
  if (state === 'b') return { allowed: true, reason: 'legal-basis', expiresAt: null }
  return { allowed: false, reason: DENIALS[state] ?? 'none', expiresAt: null }
}

const DENIALS: Readonly<Record<string, ConsentReason>> = { w: 'withdrawn', r: 'restricted', o: 'objected' }
