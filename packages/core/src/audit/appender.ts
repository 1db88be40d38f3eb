import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import { entryHash, GENESIS } from './canonical'
import type { auditQueries } from './queries'

/** An entry ready to chain: digests computed, data normalized to its JSON form. */
export interface PreparedEntry {
  type: string
  actor: string | null
  actorDigest: string
  subjectId: string | null
  subjectDigest: string | null
  data: unknown
  dataJson: string
  dataDigest: string
  /** Set on the mirror entry of a consent event: the event goes into consent_events in the same statement. */
  consent?: ConsentPayload
}

/** A consent event written with (and chained by) its audit entry. */
export interface ConsentPayload {
  subjectId: string
  purpose: string
  action: 'grant' | 'withdraw'
  explicit: boolean
  textVersion: string
  evidenceJson: string
  expiresAt: Date | null
}

/** Where an appended entry landed in its chain. */
export interface AuditReceipt {
  recordClass: string
  seq: number
  hash: string
  createdAt: Date
  /** The consent_events id, for the mirror entry of a consent event. */
  consentEventId?: string
}

interface Head {
  seq: number
  hash: string
  at: Date
}

interface Pending {
  entry: PreparedEntry
  resolve: (receipt: AuditReceipt) => void
  reject: (error: unknown) => void
}

// Entries per statement: large enough to absorb bursts, small enough to keep the head lock short.
const MAX_BATCH = 500
// Attempts before giving up when other processes keep moving the head first.
const MAX_ATTEMPTS = 200

/**
 * Appends to one chain (vertical + record class) with group commit: while one statement is in flight,
 * later appends queue and go together in the next. Each statement moves the chain head only from the
 * state its batch was hashed on (a compare-and-set under the head's row lock), so writers in other
 * processes and pools serialize on that row and the chain never forks.
 */
export class ChainAppender {
  private queue: Pending[] = []
  private running: Promise<void> | undefined
  /** The head as this process last wrote or read it; undefined when it must be re-read. */
  private head: Head | undefined

  constructor(
    private readonly ctx: Context,
    private readonly recordClass: string,
    private readonly q: ReturnType<typeof auditQueries>,
  ) {}

  /** Queues an entry; resolves once its transaction committed. */
  append(entry: PreparedEntry): Promise<AuditReceipt> {
    return new Promise<AuditReceipt>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject })
      this.running ??= this.drain()
    })
  }

  /** Resolves once every queued entry was written or failed. */
  async flush(): Promise<void> {
    while (this.running !== undefined) await this.running
  }

  private async drain(): Promise<void> {
    try {
      // Let writers woken by the previous commit enqueue first, so they share one transaction.
      await new Promise<void>((resolve) => setImmediate(resolve))
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH)
        try {
          const receipts = await this.write(batch.map((p) => p.entry))
          for (const [i, p] of batch.entries()) p.resolve(receipts[i] as AuditReceipt)
        } catch (error) {
          for (const p of batch) p.reject(error)
        }
        if (this.queue.length === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } finally {
      this.running = undefined
    }
  }

  private async write(entries: PreparedEntry[]): Promise<AuditReceipt[]> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const head = this.head ?? (await this.readHead())
      const batch = this.chain(entries, head)
      const consent = entries.some((e) => e.consent !== undefined)
      const values = [
        this.ctx.vertical.name,
        this.recordClass,
        ...batch.columns,
        batch.head.seq,
        batch.head.at,
        batch.head.hash,
        head.seq,
        head.hash,
        ...(consent ? consentColumns(entries, head.seq) : []),
      ]
      const statement = consent ? this.q.appendConsentBatch : this.q.appendBatch
      const { rows } = await this.ctx.pool.query<{ inserted: number; events?: [number, string][] }>({
        ...statement,
        values,
      })
      if (rows[0]?.inserted === entries.length) {
        this.head = batch.head
        for (const [seq, id] of rows[0].events ?? []) {
          const receipt = batch.receipts[seq - head.seq - 1]
          if (receipt !== undefined) receipt.consentEventId = String(id)
        }
        return batch.receipts
      }
      // Another process appended first: re-read the head and hash the batch again on top of it, backing
      // off a little when that keeps happening so contending writers spread out.
      this.head = undefined
      if (attempt >= 3) await new Promise((resolve) => setTimeout(resolve, Math.random() * attempt))
    }
    throw new PlatformError(
      'DEPENDENCY_UNAVAILABLE',
      `audit chain ${this.recordClass} is too contended to append`,
    )
  }

  private async readHead(): Promise<Head> {
    const v = this.ctx.vertical.name
    await this.ctx.pool.query({ ...this.q.createHead, values: [v, this.recordClass, GENESIS] })
    const { rows } = await this.ctx.pool.query<{ last_seq: string; last_hash: string; last_at: Date }>({
      ...this.q.readHead,
      values: [v, this.recordClass],
    })
    const row = rows[0]
    if (row === undefined)
      throw new PlatformError('NOT_FOUND', `audit chain head ${this.recordClass} is missing`)
    return { seq: Number(row.last_seq), hash: row.last_hash, at: row.last_at }
  }

  // Hashes the batch on top of `head`; timestamps never go backwards within a chain, whatever the clocks say.
  private chain(
    entries: PreparedEntry[],
    head: Head,
  ): { columns: unknown[][]; receipts: AuditReceipt[]; head: Head } {
    const createdAt = new Date(Math.max(this.ctx.now().getTime(), head.at.getTime()))
    const columns: unknown[][] = Array.from({ length: 10 }, () => [])
    const receipts: AuditReceipt[] = []
    let seq = head.seq
    let prev = head.hash
    for (const e of entries) {
      seq += 1
      const hash = entryHash(this.ctx.auditKey, prev, {
        vertical: this.ctx.vertical.name,
        recordClass: this.recordClass,
        seq,
        type: e.type,
        createdAt,
        actorDigest: e.actorDigest,
        subjectDigest: e.subjectDigest,
        dataDigest: e.dataDigest,
      })
      const values = [
        seq,
        e.type,
        e.actor,
        e.actorDigest,
        e.subjectId,
        e.subjectDigest,
        e.dataJson,
        e.dataDigest,
        prev,
        hash,
      ]
      for (let i = 0; i < values.length; i += 1) columns[i]?.push(values[i])
      receipts.push({ recordClass: this.recordClass, seq, hash, createdAt })
      prev = hash
    }
    return { columns, receipts, head: { seq, hash: prev, at: createdAt } }
  }
}

// The consent columns of a batch ($18..$25): one value per consent event, with the seq it is chained at.
function consentColumns(entries: PreparedEntry[], headSeq: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 8 }, () => [])
  for (const [i, e] of entries.entries()) {
    const c = e.consent
    if (c === undefined) continue
    const values = [
      headSeq + i + 1,
      c.subjectId,
      c.purpose,
      c.action,
      c.explicit,
      c.textVersion,
      c.evidenceJson,
      c.expiresAt,
    ]
    for (let k = 0; k < values.length; k += 1) columns[k]?.push(values[k])
  }
  return columns
}
