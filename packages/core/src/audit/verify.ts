import type pg from 'pg'
import type { Context } from '../context'
import { canonicalJson, entryHash, GENESIS, idDigest, sha256, signCheckpoint } from './canonical'
import type { auditQueries, EntryRow } from './queries'

/** Why verification stopped: `missing` (deleted), `altered` (content does not match its hash), `unlinked` (out of place). */
export type BreakReason = 'missing' | 'altered' | 'unlinked' | 'checkpoint'

/** The first broken entry of a chain. */
export interface BrokenAt {
  recordClass: string
  seq: number
  reason: BreakReason
}

/** The outcome of verifying one chain. */
export interface ChainVerification {
  ok: boolean
  checked: number
  brokenAt?: BrokenAt
}

interface Checkpoint {
  from_seq: string
  to_seq: string
  prev_hash: string
  last_hash: string
  purged: string
  signature: string
}

const PAGE = 5000

/**
 * Walks one chain in a single snapshot, page by page: every entry must hash to its stored hash, link
 * to the one before it (or to a valid retention checkpoint that bridges purged entries), and the last
 * must be the chain head. Clear values that are still present must match their digests.
 */
export async function verifyChain(
  ctx: Context,
  client: pg.PoolClient,
  q: ReturnType<typeof auditQueries>,
  recordClass: string,
  range: { from?: Date; to?: Date },
): Promise<ChainVerification> {
  const v = ctx.vertical.name
  const broken = (seq: number, reason: BreakReason, checked: number): ChainVerification => ({
    ok: false,
    checked,
    brokenAt: { recordClass, seq, reason },
  })
  const head = (
    await client.query<{ last_seq: string; last_hash: string }>({ ...q.head, values: [v, recordClass] })
  ).rows[0]
  const lastSeq = Number(head?.last_seq ?? 0)
  const beyond = (
    await client.query<{ seq: string | null }>({ ...q.beyondHead, values: [v, recordClass, lastSeq] })
  ).rows[0]
  if (beyond?.seq != null) return broken(Number(beyond.seq), 'unlinked', 0)

  const checkpoints = new Map<number, Checkpoint>()
  for (const cp of (await client.query<Checkpoint>({ ...q.checkpoints, values: [v, recordClass] })).rows) {
    const fields = {
      vertical: v,
      recordClass,
      fromSeq: Number(cp.from_seq),
      toSeq: Number(cp.to_seq),
      prevHash: cp.prev_hash,
      lastHash: cp.last_hash,
      purged: Number(cp.purged),
    }
    if (signCheckpoint(fields, ctx.auditKey) !== cp.signature) return broken(fields.fromSeq, 'checkpoint', 0)
    checkpoints.set(fields.fromSeq, cp)
  }
  // Follows checkpoints from `seq` while they continue from `prev`; returns where the bridge ends.
  const bridge = (seq: number, prev: string): { seq: number; prev: string } => {
    let at = { seq, prev }
    for (
      let cp = checkpoints.get(at.seq);
      cp !== undefined && cp.prev_hash === at.prev;
      cp = checkpoints.get(at.seq)
    ) {
      at = { seq: Number(cp.to_seq) + 1, prev: cp.last_hash }
    }
    return at
  }

  let lo = 1
  let hi = lastSeq
  if (range.from !== undefined || range.to !== undefined) {
    const bounds = (
      await client.query<{ lo: string | null; hi: string | null }>({
        ...q.seqRange,
        values: [v, recordClass, range.from ?? new Date(0), range.to ?? new Date(8.64e15)],
      })
    ).rows[0]
    if (bounds?.lo == null || bounds.hi == null) return { ok: true, checked: 0 }
    lo = Number(bounds.lo)
    hi = Number(bounds.hi)
  }
  let at = { seq: 1, prev: GENESIS }
  if (lo > 1) {
    const before = (await client.query<{ hash: string }>({ ...q.one, values: [v, recordClass, lo - 1] }))
      .rows[0]
    const cp = [...checkpoints.values()].find((c) => Number(c.to_seq) === lo - 1)
    if (before === undefined && cp === undefined) return broken(lo - 1, 'missing', 0)
    at = { seq: lo, prev: before?.hash ?? (cp as Checkpoint).last_hash }
  }

  let checked = 0
  while (at.seq <= hi) {
    const { rows } = await client.query<EntryRow>({ ...q.page, values: [v, recordClass, at.seq, hi, PAGE] })
    if (rows.length === 0) break
    for (const row of rows) {
      const seq = Number(row.seq)
      if (seq !== at.seq) at = bridge(at.seq, at.prev)
      if (seq !== at.seq) return broken(at.seq, 'missing', checked)
      if (!intact(v, recordClass, row)) return broken(seq, 'altered', checked)
      if (row.prev_hash !== at.prev) return broken(seq, 'unlinked', checked)
      at = { seq: seq + 1, prev: row.hash }
      checked += 1
    }
  }
  if (at.seq <= hi) at = bridge(at.seq, at.prev)
  if (at.seq <= hi) return broken(at.seq, 'missing', checked)
  if (hi === lastSeq && at.prev !== (head?.last_hash ?? GENESIS)) return broken(lastSeq, 'missing', checked)
  return { ok: true, checked }
}

// Recomputes the entry's hash and checks clear values against their digests; data and actor may only be
// missing from a redacted (erased) entry.
function intact(vertical: string, recordClass: string, row: EntryRow): boolean {
  const redacted = row.redacted_at !== null
  if (row.data === null ? !redacted : sha256(canonicalJson(row.data)) !== row.data_digest) return false
  if (row.actor === null ? !redacted : idDigest(row.actor) !== row.actor_digest) return false
  // Proofs of erasure name their subject by digest only, so a missing subject_id is not a change.
  if (
    row.subject_id !== null &&
    (row.subject_digest === null || idDigest(row.subject_id) !== row.subject_digest)
  )
    return false
  const hash = entryHash(row.prev_hash, {
    vertical,
    recordClass,
    seq: Number(row.seq),
    type: row.type,
    createdAt: row.created_at,
    actorDigest: row.actor_digest,
    subjectDigest: row.subject_digest,
    dataDigest: row.data_digest,
  })
  return hash === row.hash
}
