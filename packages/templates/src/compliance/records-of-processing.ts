import { RECORDS_SOURCES } from '@verticals/config-schema'
import type { Artifact } from '../artifact'
import { formatDuration } from '../text/format'
import { toCsv } from './csv'
import { dataMap } from './data-map'
import { markdownArtifact, policyArtifact } from './documents'
import {
  bundlePath,
  type ComplianceContext,
  classesOf,
  lawOf,
  lawOfCountry,
  purposesOf,
  yesNo,
} from './facts'
import { integrityView } from './integrity'
import { legalBasisText, recordActionText } from './labels'
import { recipientsOf } from './recipients'
import {
  REGISTER_COLUMNS,
  registerCells,
  registerRows,
  retentionEntries,
  securityEntries,
  verticalTransfers,
} from './records-register'
import { securityView } from './security'

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
  const subjects = lawOfCountry(platform, platform.dataResidency.subjectsCountry)
  const transfers = verticalTransfers(ctx)
  const retention = retentionEntries(ctx)
  const security = securityView(platform, vertical)
  return {
    platformName: platform.metadata.displayName,
    controller: platform.metadata.controller,
    sources: RECORDS_SOURCES,
    dataSubjects: vertical.dataSubjects,
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
    recipients: recipientsOf(platform, vertical).map((r) => ({
      ...r,
      transfer: transfers.find((t) => t.why.endsWith(`(recipient ${r.key})`)) ?? null,
    })),
    transfers,
    replicationLag: platform.dataResidency.replicationLag,
    retention: map.map((c) => ({
      name: c.name,
      recordClass: c.retention?.recordClass ?? null,
      keep: c.retention ? formatDuration(c.retention.keepSeconds) : null,
      action: c.retention ? recordActionText(c.retention.action) : null,
      cacheTtl: c.cache.ttlSeconds,
      source: retention.find((r) => r.recordClass === c.retention?.recordClass)?.source ?? null,
    })),
    security,
    register: registerRows(ctx, security.enforcedBy),
    registerColumns: REGISTER_COLUMNS,
    integrity: integrityView(platform, vertical),
  }
}

/** The content of `records-of-processing.json`: the register and the parts it is made of. */
export function recordsPolicy(ctx: ComplianceContext) {
  const view = recordsView(ctx)
  return {
    vertical: ctx.vertical.name,
    controller: {
      name: view.controller.name,
      country: view.controller.country,
      contact: view.controller.contact,
      dpo: view.controller.dpo ?? null,
      aaipRegistration: view.controller.aaipRegistration ?? null,
    },
    dataSubjects: [...view.dataSubjects],
    recipients: view.recipients.map(({ transfer, all: _all, ...r }) => ({
      ...r,
      transfer: transfer && {
        from: transfer.from,
        to: transfer.to,
        mechanism: transfer.mechanism,
        source: transfer.source,
      },
    })),
    transfers: view.transfers,
    retention: retentionEntries(ctx),
    security: securityEntries(view.security.enforcedBy),
    columns: [...REGISTER_COLUMNS],
    register: view.register,
  }
}

/**
 * The record of processing activities of one vertical: `records-of-processing.md` for people, and its
 * register as `records-of-processing.json` and `records-of-processing.csv` (RFC 4180, the same rows).
 */
export function recordsArtifacts(ctx: ComplianceContext): Artifact[] {
  const policy = recordsPolicy(ctx)
  return [
    markdownArtifact(ctx, 'compliance', 'records-of-processing.md', 'compliance-document', recordsView(ctx)),
    policyArtifact(ctx, 'records-of-processing.json', policy),
    {
      path: bundlePath(ctx.vertical, 'compliance', 'records-of-processing.csv'),
      kind: 'compliance-document',
      vertical: ctx.vertical.name,
      content: toCsv([[...REGISTER_COLUMNS], ...policy.register.map(registerCells)]),
    },
  ]
}
