import type { AuditLog } from '../audit/audit'
import { RETENTION_REDACTION_TYPE } from '../audit/redaction'
import type { Context } from '../context'
import { purgeAuditBatch } from './audit-purge'
import type { retentionQueries } from './queries'

/** One table's part of a record class: how to count what is due and how to purge one batch. */
export type Step = {
  table: string
  count: { name: string; text: string }
  /** Parameters the count takes after the common six. */
  countExtra?: unknown[]
  batch: (params: unknown[]) => Promise<number>
}

/**
 * The tables a record class governs, each with its count and batch statements: its audit chain, its
 * personal records and, for the class named `consent`, the consent ledger.
 */
export function retentionSteps(
  ctx: Context,
  q: ReturnType<typeof retentionQueries>,
  audit: AuditLog,
  recordClass: string,
  action: 'delete' | 'anonymize',
  now: Date,
  countedFrom: 'creation' | 'last-entry' = 'creation',
): Step[] {
  const records = countedFrom === 'last-entry' ? q.lastEntry : q
  // Statements report rows changed; functions (0006) return the count as `n`.
  const run =
    (text: { name: string; text: string }, extra: unknown[] = []) =>
    async (params: unknown[]) => {
      const result = await ctx.pool.query<{ n?: string }>({ ...text, values: [...params, ...extra] })
      const n = result.rows[0]?.n
      return n === undefined ? (result.rowCount ?? 0) : Number(n)
    }
  // Redacting expired entries needs a chain entry that accounts for it: written once, before the first batch.
  let record: Promise<string> | undefined
  const redactionRecord = (cutoff: Date) => {
    record ??= audit
      .append({
        type: RETENTION_REDACTION_TYPE,
        actor: 'retention',
        data: { recordClass, before: cutoff.toISOString() },
        recordClass: audit.recordClassOf({ type: RETENTION_REDACTION_TYPE }),
      })
      .then((r) => `${r.recordClass}:${r.seq}`)
    return record
  }
  const steps: Step[] = []
  if (action === 'delete') {
    steps.push({
      table: 'audit_entries',
      count: q.countAudit,
      batch: (params) => purgeAuditBatch(ctx, q, params),
    })
    steps.push({ table: 'personal_records', count: records.countRecords, batch: run(records.deleteRecords) })
  } else {
    steps.push({
      table: 'audit_entries',
      count: q.countRedact,
      batch: async (params) => run(q.redactAudit, [await redactionRecord(params[2] as Date), now])(params),
    })
    const dataClasses = ctx.vertical.dataClasses.filter(
      (c) => ctx.platform.dataClasses[c]?.recordClass === recordClass,
    )
    steps.push({
      table: 'personal_records',
      count: records.countRecords,
      batch: async (params) => {
        let total = 0
        for (const name of dataClasses) {
          total += await run(records.anonymizeRecords, [
            name,
            [...(ctx.platform.dataClasses[name]?.fields ?? [])],
            now,
          ])(params)
        }
        return total
      },
    })
  }
  if (recordClass === 'consent') {
    // States first: an event a state still points at may not go (consent_state_event).
    steps.push({
      table: 'consent_state',
      count: q.countConsentState,
      countExtra: [now],
      batch: run(q.deleteConsentState, [now]),
    })
    steps.push({ table: 'consent_events', count: q.countConsent, batch: run(q.deleteConsent) })
  }
  return steps
}
