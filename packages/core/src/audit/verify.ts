import { CONSENT_ENTRY_TYPES, consentEntryData } from '../consent/chain'
import type { Context } from '../context'
import type { DbClient } from '../timed-queries'
import type { AnchoredHead } from './anchor-document'
import { canonicalJson, GENESIS, sha256 } from './canonical'
import { type Checkpoints, loadCheckpoints } from './checkpoints'
import { entryIntact } from './entry-check'
import type { EntryRows, NamesId, RawRow } from './entry-rows'
import type { auditQueries } from './queries'
import type { RedactionRecords } from './redaction'
import {
  type At,
  type ParallelPlan,
  type SegmentWorkers,
  walkParallel,
  workerAvailable,
} from './verify-parallel'
import { COL, RAW_TEXT, type verifyQueries } from './verify-queries'

/**
 * Why verification stopped: `missing` (deleted), `altered` (content does not match its HMAC),
 * `unlinked` (out of place), `checkpoint` (a forged retention checkpoint), `redaction` (a redaction no
 * erasure or retention record accounts for), `consent` (a consent event or state that its chain entry
 * does not vouch for), `anchor` (the chain disagrees with its head anchored outside the database).
 */
export type BreakReason =
  | 'missing'
  | 'altered'
  | 'unlinked'
  | 'checkpoint'
  | 'redaction'
  | 'consent'
  | 'anchor'

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

/** What verifyChain needs besides the chain's name. */
export interface ChainScope {
  range: { from?: Date; to?: Date }
  /** The head of this chain in the latest anchor, if any. */
  anchor?: AnchoredHead
  /** The record class whose entries mirror consent events. */
  consentClass: string
  records: RedactionRecords
  /** The decoder of this verify's rows (it remembers the digests of the ids it has seen). */
  rows: EntryRows
  /** Worker threads and rows per segment for long chains (workers 0: none). */
  parallel: ParallelPlan
  /** The snapshot of verify's transaction, exported for the connection that streams to workers. */
  snapshot(): Promise<string>
  /** The audit log's worker threads (started on first use). */
  workers(): SegmentWorkers
}

type Row = unknown[]
type Queries = ReturnType<typeof auditQueries> & ReturnType<typeof verifyQueries>

const PAGE = 5000
const CONSENT_TYPES: ReadonlySet<string> = new Set(CONSENT_ENTRY_TYPES)

/**
 * Walks one chain in a single snapshot, page by page (the next page is fetched while this one is
 * checked): every entry must match its HMAC, link to the one before it (or to a signed retention
 * checkpoint that bridges purged entries), and the last must be the chain head. Clear values must match
 * their digests, redactions must name a record that accounts for them, consent entries must match their
 * ledger rows, and the chain must contain the head anchored outside the database.
 */
export async function verifyChain(
  ctx: Context,
  client: DbClient,
  q: Queries,
  recordClass: string,
  scope: ChainScope,
): Promise<ChainVerification> {
  const v = ctx.vertical.name
  let checked = 0
  const broken = (seq: number, reason: BreakReason): ChainVerification => ({
    ok: false,
    checked,
    brokenAt: { recordClass, seq, reason },
  })
  const head = (
    await client.query<{ last_seq: string; last_hash: string }>({ ...q.head, values: [v, recordClass] })
  ).rows[0]
  const lastSeq = Number(head?.last_seq ?? 0)
  const headHash = head?.last_hash ?? GENESIS
  const beyond = (
    await client.query<{ seq: string | null }>({ ...q.beyondHead, values: [v, recordClass, lastSeq] })
  ).rows[0]
  if (beyond?.seq != null) return broken(Number(beyond.seq), 'unlinked')
  const checkpoints = await loadCheckpoints(ctx, client, q, recordClass)
  if (checkpoints.forged !== undefined) return broken(checkpoints.forged, 'checkpoint')

  const bounds = await seqBounds(client, q, v, recordClass, lastSeq, scope.range)
  if (bounds === undefined) return { ok: true, checked: 0 }
  const { lo, hi } = bounds
  let at = { seq: 1, prev: GENESIS }
  if (lo > 1) {
    const before = (await client.query<{ hash: string }>({ ...q.one, values: [v, recordClass, lo - 1] }))
      .rows[0]
    const bridged = checkpoints.endingAt(lo - 1)
    if (before === undefined && bridged === undefined) return broken(lo - 1, 'missing')
    at = { seq: lo, prev: before?.hash ?? (bridged as string) }
  }
  const consent = recordClass === scope.consentClass
  let found: ChainVerification | undefined
  const stop = (seq: number, reason: BreakReason): 'broken' => {
    found = broken(seq, reason)
    return 'broken'
  }
  // The sequential walk: rows from `from.seq` through `to`, page by page (the next page is fetched
  // while this one is checked), each checked in order; the new position, or 'broken' with `found` set.
  const walk = async (from: At, to: number): Promise<At | 'broken'> => {
    let at = from
    const fetch = async (first: number): Promise<Row[]> => {
      const { rows } = await client.query<RawRow>({
        ...(consent ? q.consentPage : q.page),
        values: [v, recordClass, first, to, PAGE],
        ...RAW_TEXT,
      })
      return consent ? rows.map((r) => scope.rows.consentEntry(r)) : rows.map((r) => scope.rows.entry(r))
    }
    let next = at.seq <= to ? fetch(at.seq) : undefined
    while (next !== undefined) {
      const rows = await next
      const last = rows[rows.length - 1]
      next = last === undefined || rows.length < PAGE ? undefined : fetch(Number(last[COL.seq]) + 1)
      for (const row of rows) {
        const seq = Number(row[COL.seq])
        if (seq !== at.seq) at = checkpoints.bridge(at.seq, at.prev)
        if (seq !== at.seq) return stop(at.seq, 'missing')
        if (!entryIntact(ctx, recordClass, row, scope.rows.names)) return stop(seq, 'altered')
        if (row[COL.prevHash] !== at.prev) return stop(seq, 'unlinked')
        if (row[COL.redacted] === true && !(await scope.records.accounts(client, recordClass, row)))
          return stop(seq, 'redaction')
        if (consent && !ledgerMatches(scope.rows.names, row)) return stop(seq, 'consent')
        at = { seq: seq + 1, prev: row[COL.hash] as string }
        checked += 1
      }
    }
    return at
  }
  const walked =
    !consent && useWorkers(ctx, scope.parallel, hi - at.seq + 1)
      ? await walkParallel(ctx, {
          recordClass,
          from: at,
          hi,
          plan: scope.parallel,
          workers: scope.workers(),
          snapshot: await scope.snapshot(),
          walk,
          count: (rows) => {
            checked += rows
          },
        })
      : await walk(at, hi)
  if (walked === 'broken') return found as ChainVerification
  at = walked
  if (at.seq <= hi) at = checkpoints.bridge(at.seq, at.prev)
  if (at.seq <= hi) return broken(at.seq, 'missing')
  if (hi === lastSeq && at.prev !== headHash) return broken(lastSeq, 'missing')
  const anchored = await anchorHolds(client, q, v, recordClass, lastSeq, checkpoints, scope.anchor)
  if (anchored !== true) return broken(anchored, 'anchor')
  return { ok: true, checked }
}

/** The fewest entries for which verify starts worker threads unless told how many to use. */
export const PARALLEL_FROM = 50_000

// Workers pay off past their start-up (tens of milliseconds), and need a second connection now: one
// that is idle or may still be opened, so that verifies holding the pool's last connections never wait on
// each other.
function useWorkers(ctx: Context, plan: ParallelPlan, entries: number): boolean {
  const pool = ctx.pool
  const free = pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10)
  return plan.workers > 0 && entries >= Math.max(plan.from, 1) && free && workerAvailable()
}

// The first and last seq to walk: the whole chain, or the entries written within the time range.
async function seqBounds(
  client: DbClient,
  q: Queries,
  vertical: string,
  recordClass: string,
  lastSeq: number,
  range: { from?: Date; to?: Date },
): Promise<{ lo: number; hi: number } | undefined> {
  if (range.from === undefined && range.to === undefined) return { lo: 1, hi: lastSeq }
  const bounds = (
    await client.query<{ lo: string | null; hi: string | null }>({
      ...q.seqRange,
      values: [vertical, recordClass, range.from ?? new Date(0), range.to ?? new Date(8.64e15)],
    })
  ).rows[0]
  if (bounds?.lo == null || bounds.hi == null) return undefined
  return { lo: Number(bounds.lo), hi: Number(bounds.hi) }
}

// A consent entry that is not redacted must have its consent_events row, with the same content.
function ledgerMatches(names: NamesId, row: Row): boolean {
  if (!CONSENT_TYPES.has(row[COL.type] as string) || row[COL.redacted] === true) return true
  const subject = row[COL.eventSubjectId]
  if (row[COL.eventFound] !== true || typeof subject !== 'string') return false
  if (!names(row[COL.subjectDigest] as string | null, subject)) return false
  if (row[COL.eventCreatedAt] !== row[COL.createdAt]) return false
  const expires = row[COL.expiresAt] as string | null
  const data = consentEntryData({
    purpose: row[COL.purpose] as string,
    action: row[COL.action] as string,
    explicit: row[COL.explicit] as boolean,
    textVersion: row[COL.textVersion] as string,
    evidence: row[COL.evidence],
    expiresAt: expires === null ? null : new Date(expires),
  })
  return sha256(canonicalJson(data)) === row[COL.dataDigest]
}

/** The anchored head must still be in the chain: not past its head (a truncated tail or a rolled-back
 * head), and the entry (or the checkpoint that purged it) at the anchored seq must carry the anchored
 * hash (a rewritten tail). Returns true, or the seq to report. */
export async function anchorHolds(
  client: DbClient,
  q: Queries,
  vertical: string,
  recordClass: string,
  lastSeq: number,
  checkpoints: Checkpoints,
  anchor: AnchoredHead | undefined,
): Promise<true | number> {
  if (anchor === undefined || anchor.seq === 0) return true
  if (anchor.seq > lastSeq) return lastSeq + 1
  const entry = (
    await client.query<{ hash: string }>({ ...q.one, values: [vertical, recordClass, anchor.seq] })
  ).rows[0]
  if (entry !== undefined) return entry.hash === anchor.hash ? true : anchor.seq
  const purged = checkpoints.covering(anchor.seq)
  if (purged === undefined) return anchor.seq
  return purged.toSeq !== anchor.seq || purged.lastHash === anchor.hash ? true : anchor.seq
}
