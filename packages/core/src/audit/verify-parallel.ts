import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { to as copyTo } from 'pg-copy-streams'
import type { Context } from '../context'
import type { SegmentResult } from './segment'
import { Segmenter } from './segment'
import { ENTRY_RAW } from './verify-queries'
import type { VerifyWorkerData } from './verify-worker'

/** Where the walk stands: the next seq expected and the hash it must link to. */
export interface At {
  seq: number
  prev: string
}

/** How verify splits a chain: worker threads (0: all in this thread), rows per segment, and the
 * fewest entries a chain needs for workers to be used. */
export interface ParallelPlan {
  workers: number
  segment: number
  from: number
}

// The worker is its own entry point: dist/verify-worker.js beside the bundle, or the source under tsx.
const HERE = import.meta.url
const WORKER = new URL(HERE.endsWith('.ts') ? './verify-worker.ts' : './verify-worker.js', HERE)

/** Whether the worker's file is there (a bundler that inlined this package leaves it behind). */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER))
}

/**
 * Worker threads that check segments, kept by the audit log across verifies (they start in tens of
 * milliseconds, more under tsx) and unref'd, so an idle pool never keeps the process alive.
 */
export class SegmentWorkers {
  private readonly workers: Worker[]
  private readonly pending = new Map<number, { resolve(r: SegmentResult): void; reject(e: Error): void }>()
  private next = 0
  private runs = 0
  /** False once a worker failed: the audit log then starts a new pool. */
  healthy = true

  constructor(
    ctx: Context,
    readonly size: number,
  ) {
    const workerData: VerifyWorkerData = {
      auditKey: ctx.auditKey.keyObject(),
      subjectKey: ctx.subjectKey.keyObject(),
      vertical: ctx.vertical.name,
    }
    const execArgv = HERE.endsWith('.ts') ? ['--import', 'tsx'] : []
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER, { workerData, execArgv })
      worker.unref()
      worker.on('message', (m: { id: number; result?: SegmentResult; error?: string }) => {
        const waiting = this.pending.get(m.id)
        this.pending.delete(m.id)
        if (m.result !== undefined) waiting?.resolve(m.result)
        else waiting?.reject(new Error(`verify worker: ${m.error}`))
      })
      worker.on('error', (error) => this.fail(error))
      worker.on('exit', () => this.fail(new Error('verify worker exited')))
      return worker
    })
  }

  /** A new run: the workers forget the id digests of the one before (as each verify's EntryRows does). */
  run(): number {
    this.runs += 1
    return this.runs
  }

  /** Hands a segment of a chain (its buffer is transferred) to the next worker in turn. */
  check(run: number, recordClass: string, segment: Uint8Array): Promise<SegmentResult> {
    const id = this.next
    this.next += 1
    const worker = this.workers[id % this.workers.length] as Worker
    const answer = new Promise<SegmentResult>((resolve, reject) => this.pending.set(id, { resolve, reject }))
    if (!this.healthy) this.fail(new Error('verify workers failed'))
    else worker.postMessage({ id, run, recordClass, segment }, [segment.buffer as ArrayBuffer])
    return answer
  }

  async close(): Promise<void> {
    this.fail(new Error('verify workers closed'))
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  private fail(error: Error): void {
    this.healthy = false
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }
}

/** What the parallel walk needs from verifyChain. */
export interface ParallelWalk {
  recordClass: string
  from: At
  hi: number
  plan: ParallelPlan
  workers: SegmentWorkers
  /** The snapshot of verify's transaction (pg_export_snapshot), for the COPY connection. */
  snapshot: string
  /** The sequential walk from `at` through seq `to` in verify's own connection: the new position, or a break. */
  walk(at: At, to: number): Promise<At | 'broken'>
  /** Counts entries that a clean segment vouched for. */
  count(rows: number): void
}

/**
 * Walks seqs from..hi with worker threads: a second connection in the same snapshot streams the rows
 * (COPY, PostgreSQL's cheapest output, arrives as raw text this thread only cuts into segments), the
 * workers check segments on their own, and this thread stitches them in order. A segment that is clean
 * and continues from where the walk stands is passed; any other is walked again sequentially by `walk`,
 * so a break is reported with the same reason and position as without workers.
 */
export async function walkParallel(ctx: Context, w: ParallelWalk): Promise<At | 'broken'> {
  const copyClient = await ctx.pool.connect()
  const run = w.workers.run()
  let at = w.from
  let stream: ReturnType<typeof copyTo> | undefined
  let finished = false
  const inFlight: Promise<SegmentResult>[] = []
  const settle = async (answer: Promise<SegmentResult>): Promise<boolean> => {
    const s = await answer
    if (s.clean && s.firstSeq === at.seq && s.firstPrev === at.prev) {
      w.count(s.rows)
      at = { seq: s.lastSeq + 1, prev: s.lastHash }
      return true
    }
    const walked = await w.walk(at, s.lastSeq)
    if (walked === 'broken') return false
    at = walked
    return true
  }
  try {
    await copyClient.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    await copyClient.query(`SET TRANSACTION SNAPSHOT ${copyClient.escapeLiteral(w.snapshot)}`)
    await copyClient.query("SET LOCAL DateStyle = 'ISO'")
    const where = `e.vertical = ${copyClient.escapeLiteral(ctx.vertical.name)} AND e.record_class = ${copyClient.escapeLiteral(w.recordClass)} AND e.seq >= ${Math.trunc(w.from.seq)} AND e.seq <= ${Math.trunc(w.hi)}`
    stream = copyClient.query(
      copyTo(
        `COPY (SELECT ${ENTRY_RAW} FROM ${ctx.schema}.audit_entries e WHERE ${where} ORDER BY e.seq) TO STDOUT`,
      ),
    )
    const segments = new Segmenter(w.plan.segment)
    // At most two segments per worker in flight: the stream waits while this thread stitches.
    const limit = 2 * w.plan.workers
    const dispatch = async (list: Uint8Array[]): Promise<boolean> => {
      for (const segment of list) {
        inFlight.push(w.workers.check(run, w.recordClass, segment))
        while (inFlight.length >= limit)
          if (!(await settle(inFlight.shift() as Promise<SegmentResult>))) return false
      }
      return true
    }
    for await (const chunk of stream as AsyncIterable<Buffer>)
      if (!(await dispatch(segments.push(chunk)))) return 'broken'
    if (!(await dispatch(segments.end()))) return 'broken'
    while (inFlight.length > 0)
      if (!(await settle(inFlight.shift() as Promise<SegmentResult>))) return 'broken'
    finished = true
    return at
  } finally {
    for (const answer of inFlight) answer.catch(() => undefined)
    if (finished) {
      await copyClient.query('COMMIT')
      copyClient.release()
    } else {
      // A COPY left half-read: the connection is closed rather than returned to the pool.
      stream?.on('error', () => undefined)
      stream?.destroy()
      copyClient.release(true)
    }
  }
}
