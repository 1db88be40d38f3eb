import type { Context } from '../context'
import type { DbClient } from '../timed-queries'
import { signCheckpoint } from './canonical'
import type { auditQueries } from './queries'

interface Row {
  from_seq: string
  to_seq: string
  prev_hash: string
  last_hash: string
  purged: string
  signature: string
}

/** A signed retention checkpoint: entries fromSeq..toSeq were purged between prevHash and lastHash. */
export interface Checkpoint {
  fromSeq: number
  toSeq: number
  prevHash: string
  lastHash: string
}

/** The checkpoints of one chain, checked against the audit key. */
export interface Checkpoints {
  /** The from_seq of the first checkpoint whose signature does not hold, if any. */
  forged?: number
  /** Follows checkpoints from `seq` while they continue from `prev`; returns where the bridge ends. */
  bridge(seq: number, prev: string): { seq: number; prev: string }
  /** The last hash of the checkpoint that ends at `seq`, if one does. */
  endingAt(seq: number): string | undefined
  /** The checkpoint whose range holds `seq`, if one does. */
  covering(seq: number): Checkpoint | undefined
}

/** Reads and checks every checkpoint of a chain. */
export async function loadCheckpoints(
  ctx: Context,
  client: DbClient,
  q: ReturnType<typeof auditQueries>,
  recordClass: string,
): Promise<Checkpoints> {
  const v = ctx.vertical.name
  const byFrom = new Map<number, Checkpoint>()
  let forged: number | undefined
  for (const cp of (await client.query<Row>({ ...q.checkpoints, values: [v, recordClass] })).rows) {
    const fields = {
      vertical: v,
      recordClass,
      fromSeq: Number(cp.from_seq),
      toSeq: Number(cp.to_seq),
      prevHash: cp.prev_hash,
      lastHash: cp.last_hash,
      purged: Number(cp.purged),
    }
    if (signCheckpoint(fields, ctx.auditKey) !== cp.signature) {
      forged = Math.min(forged ?? fields.fromSeq, fields.fromSeq)
      continue
    }
    byFrom.set(fields.fromSeq, fields)
  }
  const all = [...byFrom.values()]
  return {
    ...(forged === undefined ? {} : { forged }),
    bridge(seq, prev) {
      let at = { seq, prev }
      for (let cp = byFrom.get(at.seq); cp !== undefined && cp.prevHash === at.prev; cp = byFrom.get(at.seq))
        at = { seq: cp.toSeq + 1, prev: cp.lastHash }
      return at
    },
    endingAt: (seq) => all.find((c) => c.toSeq === seq)?.lastHash,
    covering: (seq) => all.find((c) => c.fromSeq <= seq && seq <= c.toSeq),
  }
}

/** Whether `seq` of a chain was purged under a checkpoint whose signature holds. */
export async function purgedUnderCheckpoint(
  ctx: Context,
  client: DbClient,
  q: ReturnType<typeof auditQueries>,
  recordClass: string,
  seq: number,
): Promise<boolean> {
  const checkpoints = await loadCheckpoints(ctx, client, q, recordClass)
  return checkpoints.covering(seq) !== undefined
}
