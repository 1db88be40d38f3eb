import { PlatformError } from '@verticals/config-schema'
import type { DsrKind } from './deadlines'

/**
 * How the requester's identity was verified before a data-subject request was opened. The evidence
 * itself stays where it was collected (identity provider, document check); only its reference is kept.
 */
export interface IdentityVerification {
  /** How: e.g. `session` (signed in as the subject), `document`, `email-link`, `in-person`. */
  method: string
  /** Who or what verified it: a staff id, a service, an identity provider. */
  verifier: string
  /** Where the evidence is: a session id, a ticket, a document-check id. */
  evidenceRef: string
}

/** What a verifier concludes about a request's verification record. */
export type IdentityCheck = { verified: true } | { verified: false; reason: string }

/** Decides whether a verification record proves the requester is the subject; pluggable via createPlatform. */
export type IdentityVerifier = (request: {
  subjectId: string
  kind: DsrKind
  verification: IdentityVerification
}) => IdentityCheck | Promise<IdentityCheck>

/**
 * The default verifier: accepts a complete record (method, verifier and evidence reference, each a
 * non-empty string). Services with their own identity checks plug theirs in with `identityVerifier`.
 */
export const completeRecordVerifier: IdentityVerifier = () => ({ verified: true })

const FIELDS = ['method', 'verifier', 'evidenceRef'] as const

/** Checks the record is present and complete, then asks the verifier; IDENTITY_NOT_VERIFIED otherwise. */
export async function requireVerification(
  verifier: IdentityVerifier,
  subjectId: string,
  kind: DsrKind,
  verification: IdentityVerification | undefined,
): Promise<IdentityVerification> {
  const a = /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
  const hint =
    'Verify the requester is the data subject first (signed-in session, document check...) and pass verification: { method, verifier, evidenceRef }.'
  if (verification === undefined || verification === null || typeof verification !== 'object')
    throw new PlatformError(
      'IDENTITY_NOT_VERIFIED',
      `${a} request needs a record of how the requester's identity was verified`,
      { hint },
    )
  const missing = FIELDS.filter((f) => typeof verification[f] !== 'string' || verification[f].trim() === '')
  if (missing.length > 0)
    throw new PlatformError(
      'IDENTITY_NOT_VERIFIED',
      `the identity verification of ${a} request lacks ${missing.join(', ')}`,
      { hint },
    )
  const record = {
    method: verification.method,
    verifier: verification.verifier,
    evidenceRef: verification.evidenceRef,
  }
  const check = await verifier({ subjectId, kind, verification: record })
  if (!check.verified)
    throw new PlatformError(
      'IDENTITY_NOT_VERIFIED',
      `the identity verification of ${a} request was refused: ${check.reason}`,
      { hint },
    )
  return record
}
