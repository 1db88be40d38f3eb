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
  recordClass: string,
  action: 'delete' | 'anonymize',
  now: Date,
): Step[] {
  const run =
    (text: { name: string; text: string }, extra: unknown[] = []) =>
    async (params: unknown[]) =>
      (await ctx.pool.query({ ...text, values: [...params, ...extra] })).rowCount ?? 0
  const steps: Step[] = []
  if (action === 'delete') {
    steps.push({
      table: 'audit_entries',
      count: q.countAudit,
      batch: (params) => purgeAuditBatch(ctx, q, params),
    })
    steps.push({ table: 'personal_records', count: q.countRecords, batch: run(q.deleteRecords) })
  } else {
    steps.push({ table: 'audit_entries', count: q.countRedact, batch: run(q.redactAudit, [now]) })
    const dataClasses = ctx.vertical.dataClasses.filter(
      (c) => ctx.platform.dataClasses[c]?.recordClass === recordClass,
    )
    steps.push({
      table: 'personal_records',
      count: q.countRecords,
      batch: async (params) => {
        let total = 0
        for (const name of dataClasses) {
          total += await run(q.anonymizeRecords, [
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
    steps.push({ table: 'consent_events', count: q.countConsent, batch: run(q.deleteConsent) })
    steps.push({
      table: 'consent_state',
      count: q.countConsentState,
      countExtra: [now],
      batch: run(q.deleteConsentState, [now]),
    })
  }
  return steps
}
