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
}

/** Where an appended entry landed in its chain. */
export interface AuditReceipt {
  recordClass: string
  seq: number
  hash: string
  createdAt: Date
}

interface Pending {
  entry: PreparedEntry
  resolve: (receipt: AuditReceipt) => void
  reject: (error: unknown) => void
}

// Entries per transaction: large enough to absorb bursts, small enough to keep the head lock short.
const MAX_BATCH = 500

/**
 * Appends to one chain (vertical + record class) with group commit: while a transaction holds the
 * chain head (SELECT ... FOR UPDATE), later appends queue and go together in the next one. The row
 * lock serializes writers across processes and pools, so the chain never forks.
 */
export class ChainAppender {
  private queue: Pending[] = []
  private running = false
  private headReady = false

  constructor(
    private readonly ctx: Context,
    private readonly recordClass: string,
    private readonly q: ReturnType<typeof auditQueries>,
  ) {}

  /** Queues an entry; resolves once its transaction committed. */
  append(entry: PreparedEntry): Promise<AuditReceipt> {
    return new Promise<AuditReceipt>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject })
      if (!this.running) void this.drain()
    })
  }

  private async drain(): Promise<void> {
    this.running = true
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH)
        try {
          const receipts = await this.write(batch.map((p) => p.entry))
          for (const [i, p] of batch.entries()) p.resolve(receipts[i] as AuditReceipt)
        } catch (error) {
          for (const p of batch) p.reject(error)
        }
      }
    } finally {
      this.running = false
    }
  }

  private async write(entries: PreparedEntry[]): Promise<AuditReceipt[]> {
    const { vertical } = this.ctx
    const client = await this.ctx.pool.connect()
    let broken = false
    try {
      if (!this.headReady) {
        await client.query({ ...this.q.createHead, values: [vertical.name, this.recordClass, GENESIS] })
        this.headReady = true
      }
      await client.query('BEGIN')
      const head = await client.query<{ last_seq: string; last_hash: string; last_at: Date }>({
        ...this.q.lockHead,
        values: [vertical.name, this.recordClass],
      })
      const row = head.rows[0]
      if (row === undefined) throw new Error(`audit chain head ${this.recordClass} vanished`)
      // Timestamps never go backwards within a chain, whatever the clocks of the writers say.
      const now = this.ctx.now()
      const createdAt = new Date(Math.max(now.getTime(), row.last_at.getTime()))
      let seq = Number(row.last_seq)
      let prev = row.last_hash
      const cols: unknown[][] = Array.from({ length: 10 }, () => [])
      const receipts: AuditReceipt[] = []
      for (const e of entries) {
        seq += 1
        const hash = entryHash(prev, {
          vertical: vertical.name,
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
        for (let i = 0; i < values.length; i += 1) cols[i]?.push(values[i])
        receipts.push({ recordClass: this.recordClass, seq, hash, createdAt })
        prev = hash
      }
      await client.query({
        ...this.q.insertBatch,
        values: [vertical.name, this.recordClass, ...cols, seq, createdAt, prev],
      })
      await client.query('COMMIT')
      return receipts
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true
      })
      throw error
    } finally {
      // A connection that cannot even roll back is destroyed rather than returned to the pool.
      client.release(broken)
    }
  }
}
