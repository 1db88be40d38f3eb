import type { ConsentEvidence } from '../consent/evidence'
import type { Context } from '../context'
import type { PersonalRecord, Records } from '../records/records'
import type { dsrQueries, RequestRow } from './queries'

/** Everything the platform stores about a subject, as plain JSON-ready data. */
export interface SubjectExport {
  subjectId: string
  vertical: string
  platform: string
  generatedAt: string
  records: PersonalRecord[]
  consent: {
    current: {
      purpose: string
      status: string
      explicit: boolean
      textVersion: string
      expiresAt: Date | null
      updatedAt: Date
    }[]
    events: {
      id: string
      purpose: string
      action: string
      explicit: boolean
      textVersion: string
      evidence: ConsentEvidence
      expiresAt: Date | null
      createdAt: Date
    }[]
  }
  audit: {
    recordClass: string
    seq: number
    type: string
    actor: string | null
    data: unknown
    createdAt: Date
  }[]
  requests: { id: string; kind: string; status: string; openedAt: Date; dueAt: Date; closedAt: Date | null }[]
}

/** Collects a subject's personal records, consent ledger, audit entries and requests. */
export async function exportSubject(
  ctx: Context,
  q: ReturnType<typeof dsrQueries>,
  records: Records,
  subjectId: string,
): Promise<SubjectExport> {
  const v = ctx.vertical.name
  const digests = ctx.subjectKey.digests(subjectId)
  const [own, state, events, audit, requests] = await Promise.all([
    records.forSubject(subjectId),
    ctx.pool.query({ ...q.consentState, values: [v, subjectId] }),
    ctx.pool.query({ ...q.consentEvents, values: [v, subjectId] }),
    ctx.pool.query({ ...q.subjectAudit, values: [v, digests] }),
    ctx.pool.query<RequestRow>({ ...q.subjectRequests, values: [v, digests] }),
  ])
  return {
    subjectId,
    vertical: v,
    platform: ctx.platform.metadata.name,
    generatedAt: ctx.now().toISOString(),
    records: own,
    consent: {
      current: state.rows.map((r) => ({
        purpose: r.purpose,
        status: r.status,
        explicit: r.explicit,
        textVersion: r.text_version,
        expiresAt: r.expires_at,
        updatedAt: r.updated_at,
      })),
      events: events.rows.map((r) => ({
        id: String(r.id),
        purpose: r.purpose,
        action: r.action,
        explicit: r.explicit,
        textVersion: r.text_version,
        evidence: r.evidence,
        expiresAt: r.expires_at,
        createdAt: r.created_at,
      })),
    },
    audit: audit.rows.map((r) => ({
      recordClass: r.record_class,
      seq: Number(r.seq),
      type: r.type,
      actor: r.actor,
      data: r.data,
      createdAt: r.created_at,
    })),
    requests: requests.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      openedAt: r.opened_at,
      dueAt: r.due_at,
      closedAt: r.closed_at,
    })),
  }
}
