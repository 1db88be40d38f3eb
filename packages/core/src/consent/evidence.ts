/** Who recorded a consent event, how, and against which version of the consent text. */
export interface ConsentEvidence {
  /** Who collected it: a user, an operator or a service. */
  collectedBy: string
  /** How: e.g. `checkbox`, `signed-form`, `verbal-recorded`. */
  method: string
  /** The consent text version shown; defaults to consent.textVersion from the config. */
  textVersion?: string
  /** Anything else worth keeping as proof (form id, channel). */
  details?: Record<string, unknown>
}

/** A ledger event that was recorded, and whether the cached decision was replaced. */
export interface ConsentRecord {
  eventId: string
  status: 'granted' | 'withdrawn'
  expiresAt: Date | null
  /**
   * False when Redis could not be updated (for a withdrawal: not durably, within consentDurableWithinMs);
   * this instance then reads PostgreSQL and rewrites in the background, but another instance may be
   * served the old decision until consentCacheTtl.
   */
  cacheUpdated: boolean
}
