import { PlatformError } from '@verticals/config-schema'
import type { AuditLog } from '../audit/audit'
import { ERASURE_RECORD_TYPE } from '../audit/redaction'
import type { Cache } from '../cache/cache'
import type { Context } from '../context'
import type { LegalHolds } from '../records/holds'
import type { Records } from '../records/records'
import { coTenantChannel } from './co-tenants'
import { computeDeadlines, DEADLINE_KIND, DEADLINE_KINDS, DSR_KINDS, type DsrKind } from './deadlines'
import { eraseSubject } from './erase'
import {
  answerPending,
  askAll,
  awaitAnswers,
  CO_TENANT_TIMING,
  type ErasureChannel,
  type ErasureOrigin,
} from './erasure-channel'
import { exportSubject } from './export'
import { eraseInSibling, erasureSiblings, proofClass, type SiblingErasure } from './platform-wide'
import { portableData } from './portability'
import { dsrQueries, type RequestRow } from './queries'
import { rectifySubject } from './rectify'
import { relayChannel } from './relay-channel'
import { type ReplayReport, replayErasures } from './replay'
import { type DsrFulfilment, type DsrRequest, type FulfilOptions, toRequest } from './request'
import type { Restrictions } from './restrictions'
import { type IdentityVerification, type IdentityVerifier, requireVerification } from './verification'

/** Data-subject requests: opened with deadlines, fulfilled (access, rectification, erasure), watched for overdue. */
export class DataSubjectRequests {
  private readonly q: ReturnType<typeof dsrQueries>
  // How other verticals' services are asked to erase, and ask this one: the request table of a shared
  // store, and the erasure relay when the platform has one (verticals on other stores).
  private readonly channels: ErasureChannel[]

  constructor(
    private readonly ctx: Context,
    private readonly deps: {
      audit: AuditLog
      cache: Cache
      holds: LegalHolds
      records: Records
      restrictions: Restrictions
      verifier: IdentityVerifier
      /** Milliseconds fulfil waits for co-tenants and verticals on other stores to report their erasure. */
      coTenantWaitMs?: number
    },
  ) {
    this.q = dsrQueries(ctx.schema)
    const relay = ctx.erasureRelay
    this.channels = [coTenantChannel(ctx), ...(relay === undefined ? [] : [relayChannel(ctx, relay)])]
  }

  /**
   * Opens a request once the requester's identity is verified (IDENTITY_NOT_VERIFIED otherwise); its
   * deadline is the earlier of the strictest declared law and the internal target.
   */
  async open(input: {
    subjectId: string
    kind: DsrKind
    /** How the requester was verified to be the subject; checked by the platform's identity verifier. */
    verification: IdentityVerification
    actor?: string
  }): Promise<DsrRequest> {
    if (!DSR_KINDS.includes(input.kind))
      throw new PlatformError('INVALID_ARGUMENT', `unknown request kind "${input.kind}"`, {
        hint: `Use one of: ${DSR_KINDS.join(', ')}.`,
      })
    if (!input.subjectId) throw new PlatformError('INVALID_ARGUMENT', 'subjectId must not be empty')
    const verification = await requireVerification(
      this.deps.verifier,
      input.subjectId,
      input.kind,
      input.verification,
    )
    const { platform, vertical } = this.ctx
    const openedAt = this.ctx.now()
    const d = computeDeadlines(
      openedAt,
      input.kind,
      platform.jurisdictions,
      platform.dsr.deadlines[DEADLINE_KIND[input.kind]],
      platform.dsr.warnAt,
    )
    const digest = this.ctx.subjectKey.digest(input.subjectId)
    const values = [
      vertical.name,
      input.subjectId,
      digest,
      input.kind,
      d.jurisdiction,
      openedAt,
      d.dueAt,
      d.legalDueAt,
      verification,
    ]
    const { rows } = await this.ctx.pool.query<RequestRow>({ ...this.q.open, values })
    const request = toRequest(rows[0] as RequestRow)
    await this.proof(`dsr.${input.kind}.opened`, input.actor, digest, {
      requestId: request.id,
      dueAt: request.dueAt,
      jurisdiction: d.jurisdiction,
      verification,
    })
    return request
  }

  /** One request by id, or NOT_FOUND. */
  async get(id: string): Promise<DsrRequest> {
    const { rows } = await this.ctx.pool.query<RequestRow>({
      ...this.q.get,
      values: [this.ctx.vertical.name, id],
    })
    if (rows[0] === undefined)
      throw new PlatformError('NOT_FOUND', `data-subject request ${id} does not exist`)
    return toRequest(rows[0])
  }

  /** Fulfils an open request by its kind and closes it; the audit log keeps the proof. */
  async fulfil(id: string, options: FulfilOptions = {}): Promise<DsrFulfilment> {
    const { request, digest } = await this.load(id)
    const subjectId = request.subjectId
    if (subjectId === null) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `the subject of request ${id} was erased by an earlier request`,
        {
          hint: 'Reject it with dsr.reject(id, reason): nothing about the subject is left to act on.',
        },
      )
    }
    if (request.kind === 'access') {
      const data = await exportSubject(this.ctx, this.q, this.deps.records, subjectId)
      const summary = {
        records: data.records.length,
        consentEvents: data.consent.events.length,
        auditEntries: data.audit.length,
      }
      return { request: await this.close(request, options.actor, digest, summary), export: data }
    }
    if (request.kind === 'rectification') {
      const rectified = await rectifySubject(
        this.deps.records,
        this.deps.cache,
        subjectId,
        options.rectify ?? [],
      )
      return { request: await this.close(request, options.actor, digest, { rectified }), rectified }
    }
    if (request.kind === 'portability') {
      const portable = await portableData(this.ctx, this.q, this.deps.records, subjectId)
      const summary = { format: portable.format, records: portable.dataClasses.length }
      return { request: await this.close(request, options.actor, digest, summary), portable }
    }
    if (request.kind === 'restriction' || request.kind === 'objection') {
      const restriction = await this.deps.restrictions.place(
        subjectId,
        digest,
        request.kind === 'objection'
          ? { kind: 'objection', purposes: options.purposes ?? [] }
          : { kind: 'restriction' },
        request.id,
      )
      const summary = { restriction: { id: restriction.id, purposes: restriction.purposes } }
      return { request: await this.close(request, options.actor, digest, summary), restriction }
    }
    if (await this.deps.holds.isSubjectHeld(subjectId)) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `subject of request ${id} is under a legal hold; erasure is suspended`,
        {
          hint: 'Release the hold when it ends, or reject the request citing the legal claim.',
        },
      )
    }
    const record = await this.proof(ERASURE_RECORD_TYPE, options.actor, digest, { requestId: request.id })
    // Co-tenants of a shared store (own schemas, roles and keys) and, through the relay, verticals on
    // other stores are asked first: their services erase while this one does, and fulfil collects their
    // reports before it closes the request.
    const { asked, absent } = await askAll(this.channels, subjectId, {
      requestedIn: this.ctx.vertical.name,
      requestId: request.id,
      actor: options.actor ?? 'dsr',
    })
    const erased = await eraseSubject(
      this.ctx,
      this.q,
      this.deps.cache,
      this.deps.restrictions,
      subjectId,
      `${record.recordClass}:${record.seq}`,
    )
    // Platform-wide: the verticals sharing this database that take part erase the subject too.
    const alsoErased: Record<string, SiblingErasure> = {}
    for (const sibling of erasureSiblings(this.ctx)) {
      alsoErased[sibling.vertical.name] = await eraseInSibling(sibling, this.q, subjectId, digest, {
        vertical: this.ctx.vertical.name,
        requestId: request.id,
        actor: options.actor ?? 'dsr',
        decisions: this.deps.restrictions.decisions,
      })
    }
    for (const vertical of absent) alsoErased[vertical] = { skipped: 'no-schema' }
    // Verticals in another database with no relay to ask them: not reached, and said so rather than
    // listed as erased.
    const otherStores = this.ctx.erasureRelay === undefined ? (this.ctx.otherStores ?? []) : []
    for (const vertical of otherStores) alsoErased[vertical] = { skipped: 'other-store' }
    if (otherStores.length > 0) {
      this.ctx.logger.warn(
        { requestId: request.id, verticals: otherStores },
        `erasure request ${request.id} did not reach ${otherStores.join(', ')} (their data is in another PostgreSQL store): open the same request in their services, or give the platforms an erasure relay`,
      )
    }
    // Every asked vertical's report, or DEPENDENCY_UNAVAILABLE with the request still open (a retry collects them).
    Object.assign(alsoErased, await awaitAnswers(asked, this.deps.coTenantWaitMs ?? CO_TENANT_TIMING.waitMs))
    const closed = await this.close(request, options.actor, digest, { ...erased, alsoErased })
    await this.ctx.pool.query({
      ...this.q.forgetRequests,
      values: [this.ctx.vertical.name, [digest, ...this.ctx.subjectKey.digests(subjectId)]],
    })
    return { request: { ...closed, subjectId: null }, erased, alsoErased }
  }

  /**
   * After a backup is restored: erases again every subject the erasure journal says was erased since
   * `since` (when the backup was taken, or earlier) and whom the restored data brought back, in this
   * vertical and those erasing platform-wide with it. The report names each subject re-erased (so the
   * service can erase its own tables too) and each journaled digest with nothing left.
   */
  replayErasures(options: { since: Date; actor?: string }): Promise<ReplayReport> {
    return replayErasures(this.ctx, this.q, { ...options, decisions: this.deps.restrictions.decisions })
  }

  /**
   * Carries out the erasures that other verticals asked of this one (co-tenants of its shared
   * PostgreSQL store through their requests, migration 0010; verticals on other stores through the
   * erasure relay) as this vertical erases for its own requests: its own erasure record naming the
   * request and where it was made, retention duties, holds, cache keys and consent decisions; then
   * writes each report back for the asking vertical. The platform calls it every
   * `coTenantErasure.pollMs`; returns how many requests it answered.
   */
  async answerErasureRequests(): Promise<number> {
    let answered = 0
    for (const channel of this.channels) {
      answered += await answerPending(channel, (subjectId, origin) => this.eraseFor(subjectId, origin))
    }
    return answered
  }

  /** Rejects an open request with a reason (e.g. identity not verified, legal hold). */
  async reject(id: string, reason: string, actor?: string): Promise<DsrRequest> {
    const { request, digest } = await this.load(id)
    return this.close(request, actor, digest, { reason }, 'rejected')
  }

  /** Open requests past their deadline, soonest first; also reports the backlog to metrics. */
  async overdue(): Promise<DsrRequest[]> {
    const now = this.ctx.now()
    const v = this.ctx.vertical.name
    const [late, backlog] = await Promise.all([
      this.ctx.pool.query<RequestRow>({ ...this.q.overdue, values: [v, now] }),
      this.ctx.pool.query<{ kind: DsrKind; open: string; overdue: string; oldest: Date }>({
        ...this.q.backlog,
        values: [v, now],
      }),
    ])
    // Reported by the deadline a request counts by (portability under access; objection and
    // restriction under erasure), the kinds the metric contract and the DSR alerts know.
    for (const kind of DEADLINE_KINDS) {
      const rows = backlog.rows.filter((r) => DEADLINE_KIND[r.kind] === kind)
      const oldest = Math.min(...rows.map((r) => r.oldest.getTime()))
      const age = rows.length > 0 ? (now.getTime() - oldest) / 1000 : 0
      const sum = (f: 'open' | 'overdue') => rows.reduce((n, r) => n + Number(r[f]), 0)
      this.ctx.metrics.dsrBacklog(kind, sum('open'), sum('overdue'), age)
    }
    return late.rows.map(toRequest)
  }

  // Erasure asked by another vertical's service: what eraseInSibling does for a sibling in this schema, with this
  // vertical's own audit log, cache, restrictions and keys. A legal hold here skips it.
  private async eraseFor(subjectId: string, origin: ErasureOrigin): Promise<SiblingErasure> {
    if (await this.deps.holds.isSubjectHeld(subjectId)) return { skipped: 'legal-hold' }
    const digest = this.ctx.subjectKey.digest(subjectId)
    const record = await this.proof(ERASURE_RECORD_TYPE, origin.actor, digest, {
      requestId: origin.requestId,
      requestedIn: origin.requestedIn,
    })
    const erased = await eraseSubject(
      this.ctx,
      this.q,
      this.deps.cache,
      this.deps.restrictions,
      subjectId,
      `${record.recordClass}:${record.seq}`,
    )
    await this.ctx.pool.query({
      ...this.q.forgetRequests,
      values: [this.ctx.vertical.name, this.ctx.subjectKey.digests(subjectId)],
    })
    return erased
  }

  // An open request and its subject digest (kept after erasure), or NOT_FOUND / INVALID_ARGUMENT.
  private async load(id: string): Promise<{ request: DsrRequest; digest: string }> {
    const { rows } = await this.ctx.pool.query<RequestRow>({
      ...this.q.get,
      values: [this.ctx.vertical.name, id],
    })
    const row = rows[0]
    if (row === undefined) throw new PlatformError('NOT_FOUND', `data-subject request ${id} does not exist`)
    if (row.status !== 'open')
      throw new PlatformError('INVALID_ARGUMENT', `request ${id} is already ${row.status}`)
    return { request: toRequest(row), digest: row.subject_digest }
  }

  private async close(
    request: DsrRequest,
    actor: string | undefined,
    digest: string,
    result: Record<string, unknown>,
    status: 'fulfilled' | 'rejected' = 'fulfilled',
  ): Promise<DsrRequest> {
    const receipt = await this.proof(`dsr.${request.kind}.${status}`, actor, digest, {
      requestId: request.id,
      ...result,
    })
    const values = [
      this.ctx.vertical.name,
      request.id,
      status,
      this.ctx.now(),
      { ...result, proof: { recordClass: receipt.recordClass, seq: receipt.seq, hash: receipt.hash } },
    ]
    const { rows } = await this.ctx.pool.query<RequestRow>({ ...this.q.close, values })
    if (rows[0] === undefined)
      throw new PlatformError('INVALID_ARGUMENT', `request ${request.id} is no longer open`)
    return toRequest(rows[0])
  }

  // Proof entries name the subject by digest only, so they survive the erasure they prove.
  private proof(type: string, actor: string | undefined, digest: string, data: Record<string, unknown>) {
    const audit = this.deps.audit
    const recordClass = proofClass(this.ctx, audit, type)
    return audit.appendPseudonymous({ type, actor: actor ?? 'dsr', subjectDigest: digest, data, recordClass })
  }
}
