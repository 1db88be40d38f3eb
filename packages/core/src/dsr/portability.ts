import type { Context } from '../context'
import type { Records } from '../records/records'
import type { dsrQueries } from './queries'

/** The format identifier of a portability export; a new layout gets a new version. */
export const PORTABILITY_FORMAT = 'verticals.portability/v1'

/**
 * A portability export (GDPR art. 20, LGPD art. 18 V): the personal data the subject provided or that
 * their use of the service produced, structured, as JSON with ISO 8601 dates and no platform internals
 * (no audit entries, no record ids, no digests). Documented in @verticals/core's README.
 */
export interface PortableData {
  format: typeof PORTABILITY_FORMAT
  /** The controller and the service the data comes from; its DPO where one is declared (GDPR art. 15, LGPD art. 41). */
  controller: { name: string; country: string; contact: string; dpo?: { name: string; contact: string } }
  platform: string
  vertical: string
  subjectId: string
  exportedAt: string
  /** One entry per data class, records oldest first; `data` is the record as stored. */
  dataClasses: {
    name: string
    category: string
    description: string
    records: { createdAt: string; updatedAt: string; data: Record<string, unknown> }[]
  }[]
  /** Consents given and withdrawn (the subject's own declarations). */
  consents: { purpose: string; action: string; textVersion: string; at: string; expiresAt: string | null }[]
}

/** Builds the portability export of one subject. */
export async function portableData(
  ctx: Context,
  q: ReturnType<typeof dsrQueries>,
  records: Records,
  subjectId: string,
): Promise<PortableData> {
  const [own, events] = await Promise.all([
    records.forSubject(subjectId),
    ctx.pool.query<{
      purpose: string
      action: string
      text_version: string
      expires_at: Date | null
      created_at: Date
    }>({ ...q.consentEvents, values: [ctx.vertical.name, subjectId] }),
  ])
  const byClass = new Map<string, PortableData['dataClasses'][number]>()
  for (const r of [...own].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const facts = ctx.platform.dataClasses[r.dataClass]
    const entry = byClass.get(r.dataClass) ?? {
      name: r.dataClass,
      category: facts?.category ?? 'unknown',
      description: facts?.description ?? '',
      records: [],
    }
    entry.records.push({
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      data: r.data,
    })
    byClass.set(r.dataClass, entry)
  }
  const { controller } = ctx.platform.metadata
  return {
    format: PORTABILITY_FORMAT,
    controller: {
      name: controller.name,
      country: controller.country,
      contact: controller.contact,
      ...(controller.dpo ? { dpo: { name: controller.dpo.name, contact: controller.dpo.contact } } : {}),
    },
    platform: ctx.platform.metadata.name,
    vertical: ctx.vertical.name,
    subjectId,
    exportedAt: ctx.now().toISOString(),
    dataClasses: [...byClass.values()].sort((a, b) => a.name.localeCompare(b.name)),
    consents: events.rows.map((e) => ({
      purpose: e.purpose,
      action: e.action,
      textVersion: e.text_version,
      at: e.created_at.toISOString(),
      expiresAt: e.expires_at?.toISOString() ?? null,
    })),
  }
}
