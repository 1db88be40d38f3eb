import type pg from 'pg'
import { signCheckpoint } from '../audit/canonical'
import type { Context } from '../context'
import type { retentionQueries } from './queries'

interface Purged {
  seq: string
  prev_hash: string
  hash: string
}

/**
 * Deletes one batch of expired audit entries of a chain and, in the same transaction, records
 * checkpoints that bridge each run of consecutive purged entries (merged into the checkpoint that
 * ends just before the run), so verify can still walk the chain. Returns how many rows went.
 */
export async function purgeAuditBatch(
  ctx: Context,
  q: ReturnType<typeof retentionQueries>,
  params: unknown[],
): Promise<number> {
  const [vertical, recordClass] = params as [string, string]
  const client = await ctx.pool.connect()
  let broken = false
  try {
    await client.query('BEGIN')
    // One purger per chain at a time: checkpoints are read and extended under this lock.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `verticals:retention:${ctx.schema}:${vertical}:${recordClass}`,
    ])
    const { rows } = await client.query<Purged>({ ...q.deleteAudit, values: params })
    const sorted = rows
      .map((r) => ({ seq: Number(r.seq), prev: r.prev_hash, hash: r.hash }))
      .sort((a, b) => a.seq - b.seq)
    let start = 0
    for (let i = 1; i <= sorted.length; i += 1) {
      const prev = sorted[i - 1]
      const current = sorted[i]
      if (current !== undefined && prev !== undefined && current.seq === prev.seq + 1) continue
      await checkpoint(ctx, client, q, vertical, recordClass, sorted.slice(start, i))
      start = i
    }
    await client.query('COMMIT')
    return rows.length
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true
    })
    throw error
  } finally {
    client.release(broken)
  }
}

async function checkpoint(
  ctx: Context,
  client: pg.PoolClient,
  q: ReturnType<typeof retentionQueries>,
  vertical: string,
  recordClass: string,
  run: { seq: number; prev: string; hash: string }[],
): Promise<void> {
  const first = run[0]
  const last = run[run.length - 1]
  if (first === undefined || last === undefined) return
  const now = ctx.now()
  const before = (
    await client.query<{ from_seq: string; prev_hash: string; purged: string }>({
      ...q.checkpointBefore,
      values: [vertical, recordClass, first.seq - 1],
    })
  ).rows[0]
  const fields = {
    vertical,
    recordClass,
    fromSeq: before === undefined ? first.seq : Number(before.from_seq),
    toSeq: last.seq,
    prevHash: before === undefined ? first.prev : before.prev_hash,
    lastHash: last.hash,
    purged: run.length + Number(before?.purged ?? 0),
  }
  const signature = signCheckpoint(fields, ctx.auditKey)
  if (before !== undefined) {
    const values = [
      vertical,
      recordClass,
      fields.fromSeq,
      fields.toSeq,
      fields.lastHash,
      fields.purged,
      signature,
      now,
    ]
    await client.query({ ...q.extendCheckpoint, values })
  } else {
    const values = [
      vertical,
      recordClass,
      fields.fromSeq,
      fields.toSeq,
      fields.prevHash,
      fields.lastHash,
      fields.purged,
      signature,
      now,
    ]
    await client.query({ ...q.insertCheckpoint, values })
  }
}
