import type { Artifact } from '../artifact'
import { formatDuration } from '../text/format'
import { dataMap } from './data-map'
import { markdownArtifact } from './documents'
import { type ComplianceContext, classesOf, lawOf, lawOfCountry, purposesOf, yesNo } from './facts'
import { integrityView } from './integrity'
import { legalBasisText, recordActionText } from './labels'
import { securityView } from './security'
import { transfersOf } from './transfers'

/** The laws that treat a category as special, as "BR: Lei Geral…", "EU: General Data Protection…". */
function specialUnder(ctx: ComplianceContext, codes: readonly string[]): string[] {
  return codes.map((code) => `${code}: ${lawOf(ctx.platform, code)?.law ?? code}`)
}

/** The view of `records-of-processing.md`; every value comes from the resolved config. */
export function recordsView(ctx: ComplianceContext) {
  const { platform, vertical } = ctx
  const classes = classesOf(platform, vertical).filter((c) => c.personal)
  // A record of processing covers personal data only; the data map lists every class.
  const map = dataMap(ctx).dataClasses.filter((c) => c.personal)
  const recipients = new Map<string, { name: string; role: string; dataClasses: string[] }>()
  for (const c of map)
    for (const r of c.recipients) {
      const entry = recipients.get(r.name) ?? { name: r.name, role: r.role, dataClasses: [] }
      entry.dataClasses.push(c.name)
      recipients.set(r.name, entry)
    }
  const subjects = lawOfCountry(platform, platform.dataResidency.subjectsCountry)
  return {
    platformName: platform.metadata.displayName,
    controller: platform.metadata.controller,
    vertical: { displayName: vertical.displayName, description: vertical.description, notes: vertical.notes },
    jurisdictions: platform.jurisdictions.map((j) => ({ code: j.code, law: j.law, authority: j.authority })),
    purposes: purposesOf(platform, vertical).map((p) => ({
      name: p.name,
      description: p.description,
      legalBasis: legalBasisText(p.legalBasis),
      explicit: yesNo(p.explicit),
      validity: p.legalBasis === 'consent' ? formatDuration(p.validity) : null,
      dataClasses: p.dataClasses,
      articles: p.legalSources.map(
        (l) =>
          `${l.jurisdiction}: ${l.article ?? 'no article names this basis'}${l.special ? ' (special data)' : ''}`,
      ),
    })),
    categories: classes.map((c) => ({
      name: c.name,
      category: c.category,
      description: c.description,
      special: c.special ? specialUnder(ctx, c.specialIn) : null,
      fields: c.fields,
    })),
    subjectsCountry: platform.dataResidency.subjectsCountry,
    subjectsLaw: subjects?.law ?? null,
    recipients: [...recipients.values()],
    transfers: transfersOf(platform, classes).map((t) => ({
      ...t,
      roleText:
        t.role === 'primary'
          ? 'primary region: data is stored there'
          : 'disaster-recovery region: data is replicated there',
    })),
    replicationLag: platform.dataResidency.replicationLag,
    retention: map.map((c) => ({
      name: c.name,
      recordClass: c.retention?.recordClass ?? null,
      keep: c.retention ? formatDuration(c.retention.keepSeconds) : null,
      action: c.retention ? recordActionText(c.retention.action) : null,
      cacheTtl: c.cache.ttlSeconds,
    })),
    security: securityView(platform, vertical),
    integrity: integrityView(platform, vertical),
  }
}

/** `records-of-processing.md`: the record of processing activities of one vertical. */
export function recordsArtifacts(ctx: ComplianceContext): Artifact[] {
  return [
    markdownArtifact(ctx, 'compliance', 'records-of-processing.md', 'compliance-document', recordsView(ctx)),
  ]
}
