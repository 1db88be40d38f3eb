import { DEADLINE_OF, type DsrRequestKind, erasureOtherStores } from '@verticals/config-schema'
import type { Artifact } from '../artifact'
import { erasureRelayBucketOf } from '../infrastructure/erasure-relay'
import { markdownArtifact } from './documents'
import { type ComplianceContext, classesOf, erasureCoTenants, severityOf } from './facts'
import { legalDeadlineText } from './labels'

const KINDS = Object.keys(DEADLINE_OF) as DsrRequestKind[]

/** The view of `dsr.md`: internal targets, each declared law's deadline, and what each request does. */
export function dsrView({ platform, vertical }: Pick<ComplianceContext, 'platform' | 'vertical'>) {
  const personal = classesOf(platform, vertical).filter((c) => c.personal)
  return {
    displayName: vertical.displayName,
    contact: platform.metadata.controller.contact,
    warnAt: platform.dsr.warnAt,
    requests: KINDS.map((kind) => {
      const counted = DEADLINE_OF[kind]
      return {
        kind: counted === kind ? kind : `${kind} (counted as ${counted})`,
        target: platform.dsr.deadlines[counted],
        laws: platform.jurisdictions.map((j) => ({
          code: j.code,
          deadline: legalDeadlineText(j.deadlines[counted]),
          source: j.deadlines[counted].source,
        })),
      }
    }),
    jurisdictions: platform.jurisdictions.map((j) => ({ code: j.code, law: j.law, authority: j.authority })),
    calendars: platform.jurisdictions.map((j) => ({
      code: j.code,
      timeZone: j.calendar.timeZone,
      holidays: j.calendar.holidays.length,
      years:
        j.calendar.years[0] <= j.calendar.years[1] ? `${j.calendar.years[0]}–${j.calendar.years[1]}` : 'none',
      source: j.calendar.source,
    })),
    // Platform-wide erasure (verticals.<v>.platformWideErasure): those in other databases are asked
    // through the erasure relay, whose bucket the bundle creates.
    erasureOtherStores: erasureOtherStores(platform, vertical.name),
    erasureRelayBucket: erasureRelayBucketOf(platform, vertical.name) ?? null,
    // Of those, the members of this vertical's shared PostgreSQL store: asked, each erasing itself.
    erasureCoTenants: erasureCoTenants(platform, vertical),
    fields: personal.map((c) => ({ name: c.name, fields: c.fields })),
    warning: severityOf(platform, platform.alerts.dsrDeadline.severity, 'alerts.dsrDeadline.severity'),
    overdue: severityOf(
      platform,
      platform.alerts.dsrDeadline.overdueSeverity,
      'alerts.dsrDeadline.overdueSeverity',
    ),
  }
}

/** `dsr.md`: how data-subject requests are answered, and by when. */
export function dsrArtifacts(ctx: ComplianceContext): Artifact[] {
  return [markdownArtifact(ctx, 'compliance', 'dsr.md', 'compliance-document', dsrView(ctx))]
}
