import type { AuditLog } from '../audit/audit'
import { idDigest } from '../audit/canonical'
import type { Context } from '../context'
import { retentionQueries } from './queries'
import { retentionSteps } from './steps'

/** What a run found and did for one record class, per table. */
export interface RetentionClassReport {
  recordClass: string
  action: 'delete' | 'anonymize'
  /** Rows past retention and not under a legal hold. */
  due: number
  /** Rows deleted or anonymized by this run (0 in a dry run). */
  purged: number
  /** Rows past retention kept because of a legal hold. */
  held: number
  tables: { table: string; due: number; purged: number; held: number }[]
}

/** The report of one retention run. */
export interface RetentionReport {
  dryRun: boolean
  startedAt: Date
  finishedAt: Date
  /** False when maxBatches stopped the run early; the next run resumes where it stopped. */
  complete: boolean
  classes: RetentionClassReport[]
}

/** Options of retention.run. */
export interface RetentionOptions {
  /** Count what is due without changing anything. */
  dryRun?: boolean
  /** Stop each table after this many batches (of retention.batchSize rows). */
  maxBatches?: number
  /** Only these record classes (default all declared). */
  recordClasses?: string[]
}

/**
 * The retention job: for every record class, deletes or anonymizes rows older than `keep` in batches
 * of retention.batchSize (each its own short transaction, so a run can stop anywhere and the next one
 * resumes), skipping rows under legal hold. Audit entries leave checkpoints behind; every run is audited.
 */
export class Retention {
  private readonly q: ReturnType<typeof retentionQueries>

  constructor(
    private readonly ctx: Context,
    private readonly audit: AuditLog,
  ) {
    this.q = retentionQueries(ctx.schema)
  }

  /** Runs retention (or a dry run) and returns what was due and purged per record class. */
  async run(options: RetentionOptions = {}): Promise<RetentionReport> {
    const { ctx, q } = this
    const dryRun = options.dryRun === true
    const startedAt = ctx.now()
    const v = ctx.vertical.name
    const runId = (await ctx.pool.query<{ id: string }>({ ...q.runStarted, values: [v, dryRun, startedAt] }))
      .rows[0]?.id
    const holds = (
      await ctx.pool.query<{
        subject_digest: string | null
        subject_id: string | null
        record_table: string | null
        record_ref: string | null
      }>({ ...q.activeHolds, values: [v] })
    ).rows
    // What subject holds protect, one list for every table: the digests audit entries carry (keyed, or
    // unkeyed from before the subject key) and the clear ids the other tables carry (see queries.ts).
    const digests = holds.flatMap((h) => [
      ...(h.subject_digest ? [h.subject_digest] : []),
      ...(h.subject_id ? [h.subject_id, idDigest(h.subject_id)] : []),
    ])
    const refs = (table: string) =>
      holds.flatMap((h) => (h.record_table === table && h.record_ref ? [h.record_ref] : []))
    const classes: RetentionClassReport[] = []
    let complete = true
    const wanted = options.recordClasses
    for (const [recordClass, rule] of Object.entries(ctx.platform.retention.recordClasses)) {
      if (wanted !== undefined && !wanted.includes(recordClass)) continue
      // A legal duty is a floor the config rules already enforce; applied here too, so no config slip deletes early.
      const keep = Math.max(rule.keep, rule.duty?.minimum ?? 0)
      const cutoff = new Date(startedAt.getTime() - keep * 1000)
      const report: RetentionClassReport = {
        recordClass,
        action: rule.action,
        due: 0,
        purged: 0,
        held: 0,
        tables: [],
      }
      try {
        const countedFrom = rule.duty?.countedFrom ?? 'creation'
        for (const step of retentionSteps(
          ctx,
          q,
          this.audit,
          recordClass,
          rule.action,
          startedAt,
          countedFrom,
        )) {
          const isAudit = step.table === 'audit_entries'
          const params = [
            v,
            recordClass,
            cutoff,
            ctx.platform.retention.batchSize,
            digests,
            refs(isAudit ? 'audit_entries' : 'personal_records'),
          ]
          const counted = (
            await ctx.pool.query<{ due: string; expired: string }>({
              ...step.count,
              values: [...params, ...(step.countExtra ?? [])],
            })
          ).rows[0]
          const due = Number(counted?.due ?? 0)
          const row = { table: step.table, due, purged: 0, held: Number(counted?.expired ?? 0) - due }
          for (let batches = 0; !dryRun && row.purged < due; batches += 1) {
            if (options.maxBatches !== undefined && batches >= options.maxBatches) {
              complete = false
              break
            }
            const n = await step.batch(params)
            if (n === 0) break
            row.purged += n
          }
          report.tables.push(row)
          report.due += row.due
          report.purged += row.purged
          report.held += row.held
        }
      } catch (error) {
        ctx.metrics.retentionRun(recordClass, rule.action, 'error', report.purged, ctx.now())
        throw error
      }
      if (!dryRun) ctx.metrics.retentionRun(recordClass, rule.action, 'ok', report.purged, ctx.now())
      classes.push(report)
    }
    const result: RetentionReport = { dryRun, startedAt, finishedAt: ctx.now(), complete, classes }
    await this.audit.append({
      type: 'retention.run',
      actor: 'retention',
      data: result,
      recordClass: this.audit.recordClassOf({ type: 'retention.run' }),
    })
    await ctx.pool.query({ ...q.runFinished, values: [runId, result.finishedAt, result] })
    return result
  }
}
