import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import { type AuditReceipt, ChainAppender, type PreparedEntry } from './appender'
import { canonicalJson, idDigest, sha256 } from './canonical'
import { auditQueries } from './queries'
import { type BrokenAt, verifyChain } from './verify'

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
}

/** The tamper-evident audit log: one hash chain per record class, appends serialized per chain. */
export class AuditLog {
  readonly q: ReturnType<typeof auditQueries>
  private readonly appenders = new Map<string, ChainAppender>()
  private readonly recordClasses: ReadonlySet<string>

  constructor(private readonly ctx: Context) {
    this.q = auditQueries(ctx.schema)
    this.recordClasses = new Set(Object.keys(ctx.platform.retention.recordClasses))
  }

  /** Appends an entry to its record class's chain; resolves once committed. */
  async append(input: AuditInput): Promise<AuditReceipt> {
    if (!input.type || !input.actor)
      throw new PlatformError('INVALID_ARGUMENT', 'an audit entry needs a type and an actor')
    const subjectDigest = input.subjectId === undefined ? null : idDigest(input.subjectId)
    return this.appendPrepared(
      this.recordClassOf(input),
      prepare(input, input.subjectId ?? null, subjectDigest),
    )
  }

  /** Appends an entry that names its subject by digest only (proofs that must outlive erasure). */
  appendPseudonymous(
    input: Omit<AuditInput, 'subjectId'> & { subjectDigest: string },
  ): Promise<AuditReceipt> {
    return this.appendPrepared(this.recordClassOf(input), prepare(input, null, input.subjectDigest))
  }

  /** Verifies every chain of the vertical (or one record class), optionally only entries in a time range. */
  async verify(options: { from?: Date; to?: Date; recordClass?: string } = {}): Promise<AuditVerification> {
    const client = await this.ctx.pool.connect()
    try {
      // One snapshot for all chains: concurrent appends neither appear half-way nor look like tampering.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const stored = (
        await client.query<{ record_class: string }>({ ...this.q.chains, values: [this.ctx.vertical.name] })
      ).rows
      const chains =
        options.recordClass === undefined ? stored.map((r) => r.record_class) : [options.recordClass]
      let checked = 0
      for (const chain of chains) {
        const result = await verifyChain(this.ctx, client, this.q, chain, options)
        checked += result.checked
        if (!result.ok) return { ok: false, checked, brokenAt: result.brokenAt as BrokenAt }
      }
      return { ok: true, checked }
    } finally {
      await client.query('COMMIT').catch(() => undefined)
      client.release()
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
): PreparedEntry {
  // Normalized through JSON once, so the digest is computed over exactly what jsonb will give back.
  const dataJson = JSON.stringify(input.data ?? {}) ?? '{}'
  const data: unknown = JSON.parse(dataJson)
  return {
    type: input.type,
    actor: input.actor,
    actorDigest: idDigest(input.actor),
    subjectId,
    subjectDigest,
    data,
    dataJson,
    dataDigest: sha256(canonicalJson(data)),
  }
}
