import type { Context } from '../context'
import type { dsrQueries } from './queries'

/** A legal retention duty that kept some of the subject's records through an erasure. */
export interface RetainedByDuty {
  recordClass: string
  dataClasses: string[]
  /** Ids of the records kept. */
  records: string[]
  /** The duty's minimum period in seconds. */
  minimumSeconds: number
  countedFrom: 'creation' | 'last-entry'
  /** The law that imposes the duty, as written in retention.recordClasses[c].duty.source. */
  source: string
  /** When the duty ends for the last record kept; erasure can be completed then. */
  until: Date
}

interface DutyRow {
  id: string
  record_class: string
  data_class: string
  created_at: Date
}

/**
 * The subject's records that a retention duty still covers at `now` (GDPR art. 17(3)(b), LGPD art. 16 I):
 * counted from each row's creation, or from the subject's newest row of the class (the last entry of
 * a clinical record, Ley 26.529 art. 18), in which case the whole record stays together.
 */
export async function retainedByDuty(
  ctx: Context,
  q: ReturnType<typeof dsrQueries>,
  subjectId: string,
): Promise<RetainedByDuty[]> {
  const duties = Object.entries(ctx.platform.retention.recordClasses).flatMap(([name, rule]) =>
    rule.duty ? [{ name, duty: rule.duty }] : [],
  )
  if (duties.length === 0) return []
  const { rows } = await ctx.pool.query<DutyRow>({
    ...q.dutyRecords,
    values: [ctx.vertical.name, subjectId, duties.map((d) => d.name)],
  })
  const now = ctx.now().getTime()
  const out: RetainedByDuty[] = []
  for (const { name, duty } of duties) {
    const own = rows.filter((r) => r.record_class === name)
    if (own.length === 0) continue
    const ms = duty.minimum * 1000
    const lastEntry = Math.max(...own.map((r) => r.created_at.getTime()))
    const endOf = (r: DutyRow) =>
      (duty.countedFrom === 'last-entry' ? lastEntry : r.created_at.getTime()) + ms
    const kept = own.filter((r) => endOf(r) > now)
    if (kept.length === 0) continue
    out.push({
      recordClass: name,
      dataClasses: [...new Set(kept.map((r) => r.data_class))].sort(),
      records: kept.map((r) => String(r.id)),
      minimumSeconds: duty.minimum,
      countedFrom: duty.countedFrom,
      source: duty.source,
      until: new Date(Math.max(...kept.map(endOf))),
    })
  }
  return out
}
