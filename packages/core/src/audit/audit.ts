import { availableParallelism } from 'node:os'
import { PlatformError } from '@verticals/config-schema'
import { consentEntryData } from '../consent/chain'
import type { Context } from '../context'
import type { SubjectKey } from '../subject-key'
import type { DbClient } from '../timed-queries'
import { type AnchorReceipt, Anchors } from './anchor'
import type { AnchorSink } from './anchor-document'
import { type AuditReceipt, ChainAppender, type PreparedEntry } from './appender'
import { canonicalJson, sha256 } from './canonical'
import { EntryRows } from './entry-rows'
import { auditQueries } from './queries'
import { RedactionRecords } from './redaction'
import { type BrokenAt, PARALLEL_FROM, verifyChain } from './verify'
import { SegmentWorkers } from './verify-parallel'
import { verifyQueries } from './verify-queries'

/** One audit event as callers describe it. */
export interface AuditInput {
  /** What happened, dotted: `authentication.login`, `data-access.read`, `dsr.erasure`. */
  type: string
  /** Who did it: a user, operator or service id. */
  actor: string
  /** Whose personal data it concerns, if anyone's. */
  subjectId?: string
  /** Details; stored as JSON (dates become ISO strings). */
  data?: unknown
  /** Retention record class; defaults to the type's first segment when that names one, else `system`. */
  recordClass?: string
}

/** The result of audit.verify. */
export interface AuditVerification {
  ok: boolean
  /** Entries checked across all chains. */
  checked: number
  /** The first broken entry found. */
  brokenAt?: BrokenAt
  /** With an anchor sink: the key of the anchor the chains were checked against (null before the first). */
  anchor?: string | null
}

/** What audit.verify checks, and how. */
export interface VerifyOptions {
  /** Only entries written at or after this time. */
  from?: Date
  /** Only entries written at or before this time. */
  to?: Date
  /** Only this record class's chain. */
  recordClass?: string
  /**
   * Worker threads that check a chain in segments while a second connection streams it in the same
   * snapshot (0: none). Default: one per CPU (at most 4), for chains of at least 50,000 entries.
   */
  workers?: number
  /** Entries per segment handed to a worker (default 20,000). */
  segment?: number
}

/** A consent event, as Consent hands it to the chain. */
export interface ConsentEventInput {
  subjectId: string
  purpose: string
  action: 'grant' | 'withdraw'
  explicit: boolean
  textVersion: string
  evidence: { collectedBy: string } & Record<string, unknown>
  expiresAt: Date | null
}

/** The tamper-evident audit log: one hash chain per record class, appends serialized per chain. */
export class AuditLog {
  readonly q: ReturnType<typeof auditQueries> & ReturnType<typeof verifyQueries>
  /** The record class whose chain mirrors consent events. */
  readonly consentClass: string
  private readonly appenders = new Map<string, ChainAppender>()
  private readonly recordClasses: ReadonlySet<string>
  private readonly anchors: Anchors
  private verifyWorkers: SegmentWorkers | undefined

  constructor(
    private readonly ctx: Context,
    anchorSink?: AnchorSink,
  ) {
    this.q = { ...auditQueries(ctx.schema), ...verifyQueries(ctx.schema) }
    this.recordClasses = new Set(Object.keys(ctx.platform.retention.recordClasses))
    // consent.grant goes to the `consent` record class, else `system`, else the first class declared.
    const classes = [...this.recordClasses]
    this.consentClass = ['consent', 'system'].find((c) => this.recordClasses.has(c)) ?? classes[0] ?? 'system'
    this.anchors = new Anchors(ctx, this.q, anchorSink)
  }

  /**
   * Writes the heads of every chain of the vertical to the anchor sink, signed with the audit key. A
   * platform created with an anchorSink also does this every audit.anchor.every.
   */
  anchor(): Promise<AnchorReceipt> {
    return this.anchors.anchor()
  }

  /** Starts anchoring on the config's schedule (createPlatform does this when given a sink). */
  startAnchoring(): void {
    this.anchors.start()
  }

  /** Stops the anchoring schedule. */
  stopAnchoring(): void {
    this.anchors.stop()
  }

  /** Appends the audit entry that chains a consent event; the event and its state go in the same statement. */
  appendConsent(e: ConsentEventInput): Promise<AuditReceipt> {
    const entry = prepare(
      { type: `consent.${e.action}`, actor: e.evidence.collectedBy, data: consentEntryData(e) },
      e.subjectId,
      this.ctx.subjectKey.digest(e.subjectId),
      this.ctx.subjectKey,
    )
    entry.consent = {
      subjectId: e.subjectId,
      purpose: e.purpose,
      action: e.action,
      explicit: e.explicit,
      textVersion: e.textVersion,
      evidenceJson: JSON.stringify((entry.data as { evidence: unknown }).evidence),
      expiresAt: e.expiresAt,
    }
    return this.appendPrepared(this.consentClass, entry)
  }

  /** Appends an entry to its record class's chain; resolves once committed. */
  async append(input: AuditInput): Promise<AuditReceipt> {
    if (!input.type || !input.actor)
      throw new PlatformError('INVALID_ARGUMENT', 'an audit entry needs a type and an actor')
    const subjectDigest = input.subjectId === undefined ? null : this.ctx.subjectKey.digest(input.subjectId)
    return this.appendPrepared(
      this.recordClassOf(input),
      prepare(input, input.subjectId ?? null, subjectDigest, this.ctx.subjectKey),
    )
  }

  /** Appends an entry that names its subject by digest only (proofs that must outlive erasure). */
  appendPseudonymous(
    input: Omit<AuditInput, 'subjectId'> & { subjectDigest: string },
  ): Promise<AuditReceipt> {
    return this.appendPrepared(
      this.recordClassOf(input),
      prepare(input, null, input.subjectDigest, this.ctx.subjectKey),
    )
  }

  /**
   * Verifies every chain of the vertical (or one record class), optionally only entries in a time
   * range, against the latest anchor when there is a sink; also that every granted consent state is
   * derived from a chained event.
   */
  async verify(options: VerifyOptions = {}): Promise<AuditVerification> {
    const latest = await this.anchors.latest()
    // With a sink, the result names the anchor it was checked against (null before the first).
    const anchorField =
      this.anchors.sink === undefined ? {} : { anchor: latest.state === 'none' ? null : latest.key }
    if (latest.state === 'forged')
      return {
        ok: false,
        checked: 0,
        brokenAt: { recordClass: '', seq: 0, reason: 'anchor' },
        ...anchorField,
      }
    const anchored = latest.state === 'valid' ? latest.document.heads : []
    const client = await this.ctx.pool.connect()
    try {
      // One snapshot for all chains: concurrent appends neither appear half-way nor look like tampering.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      // The rows' timestamps are decoded from ISO text (entry-rows.ts), whatever the server's default.
      await client.query("SET LOCAL DateStyle = 'ISO'")
      const stored = (
        await client.query<{ record_class: string }>({ ...this.q.chains, values: [this.ctx.vertical.name] })
      ).rows.map((r) => r.record_class)
      const all = [...new Set([...stored, ...anchored.map((h) => h.recordClass)])].sort()
      const chains = options.recordClass === undefined ? all : [options.recordClass]
      const rows = new EntryRows(this.ctx.subjectKey)
      const records = new RedactionRecords(this.ctx, this.q, rows)
      const range = { from: options.from, to: options.to }
      const parallel = {
        workers: options.workers ?? Math.min(availableParallelism(), 4),
        segment: Math.max(1, Math.trunc(options.segment ?? 20_000)),
        from: options.workers === undefined ? PARALLEL_FROM : 0,
      }
      let exported: Promise<string> | undefined
      const snapshot = () => {
        exported ??= client
          .query<{ id: string }>('SELECT pg_export_snapshot() AS id')
          .then((r) => (r.rows[0] as { id: string }).id)
        return exported
      }
      let checked = 0
      for (const chain of chains) {
        const anchor =
          range.from === undefined && range.to === undefined
            ? anchored.find((h) => h.recordClass === chain)
            : undefined
        const result = await verifyChain(this.ctx, client, this.q, chain, {
          range,
          ...(anchor === undefined ? {} : { anchor }),
          consentClass: this.consentClass,
          records,
          rows,
          parallel,
          snapshot,
          workers: () => this.workersOf(parallel.workers),
        })
        checked += result.checked
        if (!result.ok) return { ok: false, checked, brokenAt: result.brokenAt as BrokenAt, ...anchorField }
      }
      if (options.recordClass === undefined || options.recordClass === this.consentClass) {
        const state = await this.consentStateBroken(client)
        if (state !== undefined) return { ok: false, checked, brokenAt: state, ...anchorField }
      }
      return { ok: true, checked, ...anchorField }
    } finally {
      await client.query('COMMIT').catch(() => undefined)
      client.release()
    }
  }

  // The pool of verify workers, of the size asked for (a new one after a failure or another size).
  private workersOf(size: number): SegmentWorkers {
    const pool = this.verifyWorkers
    if (pool?.healthy && pool.size === size) return pool
    void pool?.close()
    this.verifyWorkers = new SegmentWorkers(this.ctx, size)
    return this.verifyWorkers
  }

  /** Stops anchoring and the verify worker threads (platform.close does this). */
  async close(): Promise<void> {
    this.anchors.stop()
    const pool = this.verifyWorkers
    this.verifyWorkers = undefined
    await pool?.close()
  }

  // A granted consent state must come from the latest event of its subject and purpose, a chained grant.
  private async consentStateBroken(client: DbClient): Promise<BrokenAt | undefined> {
    const { rows } = await client.query<{
      found: boolean
      audit_record_class: string | null
      audit_seq: string | null
      derived: boolean | null
      superseded: boolean | null
      chained: boolean | null
    }>({ ...this.q.grantedStates, values: [this.ctx.vertical.name] })
    const bad = rows.find(
      (r) => !r.found || r.derived !== true || r.superseded === true || r.chained !== true,
    )
    if (bad === undefined) return undefined
    return {
      recordClass: bad.audit_record_class ?? this.consentClass,
      seq: Number(bad.audit_seq ?? 0),
      reason: 'consent',
    }
  }

  /** The record class an entry goes to, or INVALID_ARGUMENT when none fits. */
  recordClassOf(input: { type: string; recordClass?: string }): string {
    const explicit = input.recordClass
    if (explicit !== undefined) {
      if (this.recordClasses.has(explicit)) return explicit
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `record class "${explicit}" is not declared in retention.recordClasses`,
      )
    }
    const first = input.type.split('.')[0] ?? ''
    if (this.recordClasses.has(first)) return first
    if (this.recordClasses.has('system')) return 'system'
    throw new PlatformError('INVALID_ARGUMENT', `audit entry "${input.type}" has no record class`, {
      hint: 'Pass recordClass, or declare a "system" record class in retention.recordClasses.',
    })
  }

  /** Waits until every append already queued in this process is committed (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.appenders.values()].map((a) => a.flush()))
  }

  private appendPrepared(recordClass: string, entry: PreparedEntry): Promise<AuditReceipt> {
    let appender = this.appenders.get(recordClass)
    if (appender === undefined) {
      appender = new ChainAppender(this.ctx, recordClass, this.q)
      this.appenders.set(recordClass, appender)
    }
    const started = performance.now()
    return appender.append(entry).then(
      (receipt) => {
        this.ctx.metrics.auditAppend('ok', (performance.now() - started) / 1000)
        return receipt
      },
      (error: unknown) => {
        this.ctx.metrics.auditAppend('error', (performance.now() - started) / 1000)
        throw error
      },
    )
  }
}

function prepare(
  input: { type: string; actor: string; data?: unknown },
  subjectId: string | null,
  subjectDigest: string | null,
  key: SubjectKey,
): PreparedEntry {
  // Normalized through JSON once, so the digest is computed over exactly what jsonb will give back.
  const dataJson = JSON.stringify(input.data ?? {}) ?? '{}'
  const data: unknown = JSON.parse(dataJson)
  return {
    type: input.type,
    actor: input.actor,
    actorDigest: key.digest(input.actor),
    subjectId,
    subjectDigest,
    data,
    dataJson,
    dataDigest: sha256(canonicalJson(data)),
  }
}
