import { signCheckpoint } from '../audit/canonical'
import type { Context } from '../context'
import type { retentionQueries } from './queries'

interface Candidate {
  seq: string
  prev_hash: string
  hash: string
}

/**
 * Purges one batch of expired audit entries of a chain. The application role may not DELETE them: it
 * picks the batch, signs a checkpoint for each run of consecutive entries, and hands the checkpoints to
 * audit_purge() (migration 0006), which deletes exactly the runs the checkpoints bridge, in the same
 * transaction that records them. Returns how many entries went.
 */
export async function purgeAuditBatch(
  ctx: Context,
  q: ReturnType<typeof retentionQueries>,
  params: unknown[],
): Promise<number> {
  const [vertical, recordClass, cutoff] = params as [string, string, Date]
  const client = await ctx.pool.connect()
  let broken = false
  try {
    await client.query('BEGIN')
    // One purger per chain at a time (audit_purge takes the same lock).
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `verticals:retention:${ctx.schema.slice(1, -1)}:${vertical}:${recordClass}`,
    ])
    const { rows } = await client.query<Candidate>({ ...q.auditCandidates, values: params })
    const checkpoints = runs(rows).map((run) => {
      const fields = {
        vertical,
        recordClass,
        fromSeq: run.from,
        toSeq: run.to,
        prevHash: run.prev,
        lastHash: run.last,
        purged: run.to - run.from + 1,
      }
      return { ...fields, signature: signCheckpoint(fields, ctx.auditKey) }
    })
    const purged =
      checkpoints.length === 0
        ? 0
        : Number(
            (
              await client.query<{ n: string }>({
                ...q.purgeAudit,
                values: [vertical, recordClass, cutoff, JSON.stringify(checkpoints)],
              })
            ).rows[0]?.n ?? 0,
          )
    await client.query('COMMIT')
    return purged
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true
    })
    throw error
  } finally {
    client.release(broken)
  }
}

// Runs of consecutive seqs, each with the prev_hash of its first entry and the hash of its last.
function runs(rows: Candidate[]): { from: number; to: number; prev: string; last: string }[] {
  const out: { from: number; to: number; prev: string; last: string }[] = []
  for (const r of rows) {
    const seq = Number(r.seq)
    const run = out[out.length - 1]
    if (run !== undefined && run.to === seq - 1) {
      run.to = seq
      run.last = r.hash
    } else out.push({ from: seq, to: seq, prev: r.prev_hash, last: r.hash })
  }
  return out
}
