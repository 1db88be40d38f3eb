import { categoryFacts } from '@verticals/config-schema'
import type { Artifact } from '../artifact'
import { formatDuration } from '../text/format'
import { markdownArtifact } from './documents'
import { type ComplianceContext, classesOf, lawOf, purposesOf, purposesOfClass } from './facts'
import { integrityView } from './integrity'
import { legalBasisText, recordActionText } from './labels'
import { securityView } from './security'
import { transfersOf } from './transfers'

/** The view of `dpia.md`: the special categories, why each is special and where not, and the measures. */
export function dpiaView(ctx: ComplianceContext) {
  const { platform, vertical } = ctx
  const classes = classesOf(platform, vertical)
  const purposes = purposesOf(platform, vertical)
  const law = (code: string) => ({ code, law: lawOf(platform, code)?.law ?? code })
  const special = classes.filter((c) => c.special)
  return {
    displayName: vertical.displayName,
    description: vertical.description,
    notes: vertical.notes,
    controller: platform.metadata.controller,
    specialClasses: special.map((c) => {
      const recordClass = c.recordClass === null ? undefined : platform.retention.recordClasses[c.recordClass]
      return {
        name: c.name,
        category: c.category,
        description: c.description,
        fields: c.fields,
        specialIn: c.specialIn.map(law),
        // Declared laws that do not list the category: the platform treats it as special anyway.
        notListedBy: platform.jurisdictions
          .filter((j) => !c.specialIn.includes(j.code))
          .map((j) => law(j.code)),
        note: categoryFacts(c.category).note ?? null,
        purposes: purposesOfClass(purposes, c.name),
        cacheTtl: c.cacheTtl,
        cdnTtl: c.cdnTtl,
        keep: recordClass ? formatDuration(recordClass.keep) : null,
        action: recordClass ? recordActionText(recordClass.action) : null,
        recordClass: c.recordClass,
      }
    }),
    purposes: purposes
      .filter((p) => p.special)
      .map((p) => ({
        name: p.name,
        description: p.description,
        legalBasis: legalBasisText(p.legalBasis),
        explicit: p.explicit,
        validity: formatDuration(p.validity),
      })),
    neverCached: special.filter((c) => c.cacheTtl === 0 && c.cdnTtl === 0).map((c) => c.name),
    transfers: transfersOf(platform, special),
    replicationLag: platform.dataResidency.replicationLag,
    security: securityView(platform, vertical),
    integrity: integrityView(platform, vertical),
  }
}

/** `dpia.md`, only for verticals whose resolved config says a DPIA is required. */
export function dpiaArtifacts(ctx: ComplianceContext): Artifact[] {
  if (!ctx.vertical.dpiaRequired) return []
  return [markdownArtifact(ctx, 'compliance', 'dpia.md', 'compliance-document', dpiaView(ctx))]
}
