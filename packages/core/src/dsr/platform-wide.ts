import type { AuditLog } from '../audit/audit'
import { AuditLog as VerticalAudit } from '../audit/audit'
import { ERASURE_RECORD_TYPE } from '../audit/redaction'
import { Cache } from '../cache/cache'
import type { Context } from '../context'
import { KeySpace } from '../keys'
import { LegalHolds } from '../records/holds'
import { type ErasureReport, eraseSubject } from './erase'
import type { dsrQueries } from './queries'
import { type DecisionTiming, Restrictions } from './restrictions'

/**
 * What platform-wide erasure did in another vertical: its erasure report, or why it was skipped (a
 * legal hold there; `no-schema`: a co-tenant of a shared store that has no schema in it yet, so holds
 * nothing there; `other-store`: its data is in another PostgreSQL store this service cannot reach, so
 * the request must be made there too). For a co-tenant, the report its own service wrote back.
 */
export type SiblingErasure = ErasureReport | { skipped: 'legal-hold' | 'no-schema' | 'other-store' }

/**
 * The other enabled verticals that take part in platform-wide erasure and are erased directly, each as
 * a context on the same pool, Redis and schema: a subject erased in one is erased in all
 * (`verticals.<v>.platformWideErasure`). Co-tenants of a shared store in schemas of their own are not
 * among them (their own services erase there when asked: co-tenants.ts), nor verticals whose data is in
 * another store (reported as `other-store`).
 */
export function erasureSiblings(ctx: Context): Context[] {
  if (!ctx.vertical.platformWideErasure) return []
  const notHere = new Set([...(ctx.coTenants ?? []).map((c) => c.vertical), ...(ctx.otherStores ?? [])])
  return Object.values(ctx.platform.verticals)
    .filter((v) => v.name !== ctx.vertical.name && v.enabled && v.platformWideErasure && !notHere.has(v.name))
    .map((v) => ({
      ...ctx,
      vertical: v,
      keys: new KeySpace(ctx.platform, v.name, ctx.keys.prefix),
      coTenants: [],
    }))
}

/** The record class that holds DSR proof entries: data-access when declared, else the type's own. */
export function proofClass(ctx: Context, audit: AuditLog, type: string): string {
  return ctx.platform.retention.recordClasses['data-access'] ? 'data-access' : audit.recordClassOf({ type })
}

/**
 * Erases a subject in another vertical as that vertical would: an erasure record in its own audit
 * chain (naming the subject by digest and the request that asked), then erase_subject() with its
 * retention duties, cache keys, consent decisions and restrictions. A legal hold there skips it.
 */
export async function eraseInSibling(
  sibling: Context,
  q: ReturnType<typeof dsrQueries>,
  subjectId: string,
  digest: string,
  origin: { vertical: string; requestId: string; actor: string; decisions: DecisionTiming },
): Promise<SiblingErasure> {
  if (await new LegalHolds(sibling).isSubjectHeld(subjectId)) return { skipped: 'legal-hold' }
  const audit = new VerticalAudit(sibling)
  const record = await audit.appendPseudonymous({
    type: ERASURE_RECORD_TYPE,
    actor: origin.actor,
    subjectDigest: digest,
    data: { requestId: origin.requestId, requestedIn: origin.vertical },
    recordClass: proofClass(sibling, audit, ERASURE_RECORD_TYPE),
  })
  const cache = new Cache(sibling)
  const report = await eraseSubject(
    sibling,
    q,
    cache,
    new Restrictions(sibling, cache, origin.decisions),
    subjectId,
    `${record.recordClass}:${record.seq}`,
  )
  await sibling.pool.query({
    ...q.forgetRequests,
    values: [sibling.vertical.name, [digest, ...sibling.subjectKey.digests(subjectId)]],
  })
  return report
}
