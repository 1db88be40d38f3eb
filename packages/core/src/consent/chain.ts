// What the audit entry that mirrors a consent event covers. Both sides use this one function: the
// appender digests it when the event is written, verify() digests it again from the consent_events row,
// so any change to the row's purpose, action, text version, evidence or expiry no longer matches.

/** The fields of a consent event that its mirror audit entry's data (and so its HMAC) covers. */
export interface ConsentEventFields {
  purpose: string
  action: string
  explicit: boolean
  textVersion: string
  evidence: unknown
  expiresAt: Date | null
}

/** The audit entry data of a consent event. */
export function consentEntryData(e: ConsentEventFields): Record<string, unknown> {
  return {
    purpose: e.purpose,
    action: e.action,
    explicit: e.explicit,
    textVersion: e.textVersion,
    evidence: e.evidence,
    expiresAt: e.expiresAt === null ? null : e.expiresAt.toISOString(),
  }
}

/** The audit entry types of consent events. */
export const CONSENT_ENTRY_TYPES = ['consent.grant', 'consent.withdraw'] as const
