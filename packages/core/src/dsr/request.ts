import type { DsrKind } from './deadlines'
import type { ErasureReport } from './erase'
import type { SubjectExport } from './export'
import type { SiblingErasure } from './platform-wide'
import type { PortableData } from './portability'
import type { RequestRow } from './queries'
import type { Restriction } from './restrictions'
import type { IdentityVerification } from './verification'

/** A data-subject request and its deadlines. */
export interface DsrRequest {
  id: string
  /** Null once the subject was erased (the request keeps the subject's digest). */
  subjectId: string | null
  kind: DsrKind
  status: 'open' | 'fulfilled' | 'rejected'
  /** The declared jurisdiction whose deadline is the strictest. */
  jurisdiction: string
  openedAt: Date
  /** The binding deadline: the internal target or the legal one, whichever comes first. */
  dueAt: Date
  legalDueAt: Date
  closedAt: Date | null
  result: Record<string, unknown> | null
  /** How the requester's identity was verified (null for requests opened before verification existed). */
  verification: IdentityVerification | null
}

/** Options of dsr.fulfil. */
export interface FulfilOptions {
  /** Who fulfils it (recorded in the audit log; default `dsr`). */
  actor?: string
  /** Rectification: the records to change and their new field values. */
  rectify?: { recordId: string; fields: Record<string, unknown> }[]
  /** Objection: the purposes objected to (GDPR art. 21, LGPD art. 18 § 2). */
  purposes?: string[]
}

/** What fulfilling a request produced. */
export interface DsrFulfilment {
  request: DsrRequest
  /** Access: everything stored about the subject. */
  export?: SubjectExport
  /** Rectification: which fields of which records changed. */
  rectified?: { recordId: string; fields: string[] }[]
  /** Erasure: what was removed. */
  erased?: ErasureReport
  /** Erasure: what platform-wide erasure did in each other participating vertical. */
  alsoErased?: Record<string, SiblingErasure>
  /** Portability: the machine-readable export (format `verticals.portability/v1`). */
  portable?: PortableData
  /** Restriction and objection: what is now in force. */
  restriction?: Restriction
}

/** Maps a dsr_requests row to its public shape. */
export function toRequest(r: RequestRow): DsrRequest {
  return {
    id: r.id,
    subjectId: r.subject_id,
    kind: r.kind,
    status: r.status,
    jurisdiction: r.jurisdiction,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    legalDueAt: r.legal_due_at,
    closedAt: r.closed_at,
    result: r.result,
    verification: r.verification,
  }
}
