import { randomBytes } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import type { DbClient } from '../timed-queries'
import {
  type AnchorDocument,
  type AnchorSink,
  anchorKey,
  anchorPrefix,
  readAnchor,
  signAnchor,
} from './anchor-document'
import { loadCheckpoints } from './checkpoints'
import type { auditQueries } from './queries'
import { anchorHolds } from './verify'
import type { verifyQueries } from './verify-queries'

/** What audit.anchor() wrote. */
export interface AnchorReceipt {
  key: string
  document: AnchorDocument
}

/** The latest anchor of the vertical as verify sees it. */
export type LatestAnchor =
  | { state: 'none' }
  | { state: 'valid'; key: string; document: AnchorDocument }
  | { state: 'forged'; key: string }

type Queries = ReturnType<typeof auditQueries> & ReturnType<typeof verifyQueries>

/**
 * Anchors the heads of every chain of the vertical outside the database, signed with the audit key,
 * on demand and every audit.anchor.every. Refuses to anchor a chain that no longer contains the head
 * the previous anchor recorded, so a rolled-back chain is never laundered by a newer anchor.
 */
export class Anchors {
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly ctx: Context,
    private readonly q: Queries,
    readonly sink: AnchorSink | undefined,
  ) {}

  /** Writes a new anchor; INVALID_ARGUMENT without a sink, INTEGRITY when a chain lost its anchored head. */
  async anchor(): Promise<AnchorReceipt> {
    const { ctx } = this
    const sink = this.sink
    if (sink === undefined)
      throw new PlatformError('INVALID_ARGUMENT', 'audit.anchor() needs an anchor sink', {
        hint: 'Pass anchorSink to createPlatform, e.g. s3AnchorSink({ bucket }) from @verticals/core/s3.',
      })
    try {
      const previous = await this.latest()
      if (previous.state === 'forged')
        throw new PlatformError(
          'INTEGRITY',
          `the latest anchor ${previous.key} does not carry a valid signature`,
        )
      const document = await this.readHeads(previous)
      const at = new Date(document.at)
      const key = anchorKey(this.scope(), at, randomBytes(4).toString('hex'))
      const retainUntil = new Date(at.getTime() + ctx.platform.audit.anchor.retention * 1000)
      await sink.put(key, `${JSON.stringify(document, null, 2)}\n`, retainUntil)
      ctx.metrics.auditAnchor('ok', at)
      return { key, document }
    } catch (error) {
      ctx.metrics.auditAnchor('error', ctx.now())
      throw error
    }
  }

  /** The newest anchor of this vertical, checked against the audit key. */
  async latest(): Promise<LatestAnchor> {
    if (this.sink === undefined) return { state: 'none' }
    const found = await this.sink.latest(anchorPrefix(this.scope()))
    if (found === undefined) return { state: 'none' }
    const document = readAnchor(this.ctx.auditKey, found.body)
    if (document === undefined || document.vertical !== this.ctx.vertical.name)
      return { state: 'forged', key: found.key }
    return { state: 'valid', key: found.key, document }
  }

  private scope() {
    const { ctx } = this
    return {
      platform: ctx.platform.metadata.name,
      schema: ctx.schema.slice(1, -1),
      vertical: ctx.vertical.name,
    }
  }

  /** Anchors every audit.anchor.every until stop(); a failed anchor is logged and counted. */
  start(): void {
    if (this.sink === undefined || this.timer !== undefined) return
    const every = this.ctx.platform.audit.anchor.every * 1000
    this.timer = setInterval(() => {
      this.anchor().catch((error: unknown) =>
        this.ctx.logger.error({ err: String(error) }, 'audit anchor failed'),
      )
    }, every)
    this.timer.unref()
  }

  /** Stops the schedule. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
  }

  private async readHeads(previous: LatestAnchor): Promise<AnchorDocument> {
    const { ctx, q } = this
    const v = ctx.vertical.name
    const client = await ctx.pool.connect()
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const rows = (
        await client.query<{ record_class: string; last_seq: string; last_hash: string }>({
          ...q.heads,
          values: [v],
        })
      ).rows
      if (previous.state === 'valid') await this.checkContinues(client, previous.document, rows)
      const at = ctx.now()
      return signAnchor(ctx.auditKey, {
        version: 1,
        platform: ctx.platform.metadata.name,
        vertical: v,
        at: at.toISOString(),
        heads: rows.map((r) => ({ recordClass: r.record_class, seq: Number(r.last_seq), hash: r.last_hash })),
        previous: previous.state === 'valid' ? previous.key : null,
      })
    } finally {
      await client.query('COMMIT').catch(() => undefined)
      client.release()
    }
  }

  private async checkContinues(
    client: DbClient,
    previous: AnchorDocument,
    rows: { record_class: string; last_seq: string }[],
  ): Promise<void> {
    for (const head of previous.heads) {
      const lastSeq = Number(rows.find((r) => r.record_class === head.recordClass)?.last_seq ?? 0)
      const checkpoints = await loadCheckpoints(this.ctx, client, this.q, head.recordClass)
      const held = await anchorHolds(
        client,
        this.q,
        this.ctx.vertical.name,
        head.recordClass,
        lastSeq,
        checkpoints,
        head,
      )
      if (held !== true)
        throw new PlatformError(
          'INTEGRITY',
          `audit chain ${head.recordClass} no longer holds the head anchored at seq ${head.seq}; refusing to anchor over it`,
          { hint: 'Run audit.verify() and treat the database as tampered with: see the audit runbook.' },
        )
    }
  }
}
