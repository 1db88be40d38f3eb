import { RECORDS_SOURCES, type TransferFlow, transferFlows } from '@verticals/config-schema'
import { formatDuration } from '../text/format'
import type { SecurityEnforcement } from './claims'
import { type ComplianceContext, classesOf, purposesOf } from './facts'
import { legalBasisText, recordActionText, transferMechanismText } from './labels'
import { recipientsOf, type VerticalRecipient } from './recipients'
import { transfersOf } from './transfers'

// The register: every entry of a vertical's records of processing as one flat table, the rows that
// records-of-processing.json lists, records-of-processing.csv holds and the Markdown's register shows.

/** The register's columns, in order: the CSV header. */
export const REGISTER_COLUMNS = [
  'Section',
  'Entry',
  'Data classes',
  'Country',
  'Basis or mechanism',
  'Source',
  'Details',
] as const

/** One row of the register; every cell is text. */
export interface RegisterRow {
  readonly section: string
  readonly entry: string
  readonly dataClasses: string
  readonly country: string
  readonly basis: string
  readonly source: string
  readonly details: string
}

/** The cells of a row in column order. */
export const registerCells = (r: RegisterRow): string[] => [
  r.section,
  r.entry,
  r.dataClasses,
  r.country,
  r.basis,
  r.source,
  r.details,
]

/** One international transfer as a vertical's records show it. */
export interface VerticalTransfer {
  readonly from: string
  readonly to: string
  readonly why: string
  readonly dataClasses: string[]
  readonly mechanism: string | null
  readonly mechanismText: string
  readonly source: string
  readonly reference: string | null
}

function why(flow: TransferFlow, recipients: readonly VerticalRecipient[]): string {
  const c = flow.cause
  if (c.kind === 'storage')
    return `stored in ${c.region} (${c.role === 'primary' ? 'primary region' : 'disaster-recovery region'})`
  if (c.kind === 'replication') return `replicated from ${c.from} to ${c.to} (disaster recovery)`
  return `sent to ${recipients.find((r) => r.key === c.recipient)?.name ?? c.recipient} (recipient ${c.recipient})`
}

/** The transfers that carry the vertical's personal data: storage abroad, replication, recipients abroad. */
export function verticalTransfers({ platform, vertical }: ComplianceContext): VerticalTransfer[] {
  const stored = transfersOf(platform, classesOf(platform, vertical))
  const recipients = recipientsOf(platform, vertical)
  const replicated = stored.find((t) => t.role === 'dr')?.dataClasses ?? []
  return transferFlows(platform).flatMap((flow) => {
    const c = flow.cause
    const dataClasses =
      c.kind === 'storage'
        ? (stored.find((t) => t.region === c.region)?.dataClasses ?? [])
        : c.kind === 'replication'
          ? replicated
          : (recipients.find((r) => r.key === c.recipient)?.dataClasses ?? [])
    if (dataClasses.length === 0) return []
    return [
      {
        from: flow.from,
        to: flow.to,
        why: why(flow, recipients),
        dataClasses: [...dataClasses],
        mechanism: flow.mechanism,
        mechanismText: flow.mechanism ? transferMechanismText(flow.mechanism) : 'none declared',
        source: flow.source ?? 'none declared',
        reference: flow.reference,
      },
    ]
  })
}

/** A record class's retention and the reason for it: the legal duty's source, else the class's own. */
export function retentionEntries({ platform, vertical }: ComplianceContext) {
  const classes = classesOf(platform, vertical).filter((c) => c.personal && c.recordClass !== null)
  const names = [...new Set(classes.map((c) => c.recordClass as string))]
  return names.flatMap((name) => {
    const rc = platform.retention.recordClasses[name]
    if (!rc) return []
    return [
      {
        recordClass: name,
        dataClasses: classes.filter((c) => c.recordClass === name).map((c) => c.name),
        keep: formatDuration(rc.keep),
        action: recordActionText(rc.action),
        duty: rc.duty ? `at least ${formatDuration(rc.duty.minimum)} from ${rc.duty.countedFrom}` : null,
        source: rc.duty?.source ?? rc.source ?? `not stated (retention.recordClasses.${name}.source)`,
      },
    ]
  })
}

const MEASURES: Readonly<Record<keyof SecurityEnforcement, string>> = {
  encryptionAtRest: 'Encryption at rest',
  tls: 'Encryption in transit (TLS)',
  redisEncryption: 'Redis encryption at rest and in transit',
  firewall: 'Web application firewall and rate limits',
  headers: 'Security headers',
  networkIngress: 'Network ingress policy',
  networkEgress: 'Network egress policy',
  databaseAvailability: 'Database availability and backups',
  cacheAvailability: 'Cache availability',
  neverCached: 'Personal data never cached',
  redaction: 'Fields redacted from logs',
  auditLog: 'Tamper-evident audit log',
  auditAnchors: 'Audit anchors',
  ledgers: 'Ledgers the service cannot rewrite',
  retention: 'Retention runs',
}

// Measures that exist only with security.edge (and its CDN): left out when nothing enforces them, as
// the Markdown's security table leaves them out.
const EDGE_ONLY: ReadonlySet<keyof SecurityEnforcement> = new Set(['tls', 'firewall', 'headers'])

/** The security measures with the generated resources enforcing them, as the security table lists them. */
export function securityEntries(enforcedBy: SecurityEnforcement) {
  return (Object.keys(MEASURES) as (keyof SecurityEnforcement)[])
    .filter((key) => !EDGE_ONLY.has(key) || enforcedBy[key].length > 0)
    .map((key) => ({
      measure: MEASURES[key],
      enforcedBy: enforcedBy[key].map((e) => `${e.address} in ${e.file}`),
    }))
}

const row = (
  section: string,
  entry: string,
  cells: Partial<Omit<RegisterRow, 'section' | 'entry'>> = {},
) => ({
  section,
  entry,
  dataClasses: cells.dataClasses ?? '',
  country: cells.country ?? '',
  basis: cells.basis ?? '',
  source: cells.source ?? '',
  details: cells.details ?? '',
})

/** The register of one vertical, section by section. */
export function registerRows(ctx: ComplianceContext, enforcedBy: SecurityEnforcement): RegisterRow[] {
  const { platform, vertical } = ctx
  const { controller } = platform.metadata
  const rows: RegisterRow[] = [
    row('controller', controller.name, {
      country: controller.country,
      source: RECORDS_SOURCES.controller,
      details: controller.contact,
    }),
  ]
  if (controller.dpo)
    rows.push(
      row('dpo', controller.dpo.name, { source: RECORDS_SOURCES.dpo, details: controller.dpo.contact }),
    )
  if (controller.aaipRegistration)
    rows.push(
      row('aaip-registration', controller.aaipRegistration, {
        country: 'AR',
        source: RECORDS_SOURCES.aaipRegistration,
      }),
    )
  for (const subject of vertical.dataSubjects)
    rows.push(row('data-subjects', subject, { country: platform.dataResidency.subjectsCountry }))
  for (const p of purposesOf(platform, vertical))
    rows.push(
      row('purpose', p.name, {
        dataClasses: p.dataClasses.join('; '),
        basis: legalBasisText(p.legalBasis),
        source: p.legalSources
          .map((l) => `${l.jurisdiction}: ${l.article ?? 'no article names this basis'}`)
          .join('; '),
        details: p.description,
      }),
    )
  const transfers = verticalTransfers(ctx)
  for (const r of recipientsOf(platform, vertical)) {
    const abroad = transfers.find((t) => t.why.endsWith(`(recipient ${r.key})`))
    rows.push(
      row('recipient', r.name, {
        dataClasses: r.dataClasses.join('; '),
        country: r.country,
        basis: `${r.role} (${r.service})${abroad ? `; transfer ${abroad.from}→${abroad.to}: ${abroad.mechanismText}` : ''}`,
        source: [r.contract ?? 'no contract declared', ...(abroad ? [abroad.source] : [])].join('; '),
        details: r.purpose,
      }),
    )
  }
  for (const t of transfers)
    rows.push(
      row('transfer', `${t.from}→${t.to}`, {
        dataClasses: t.dataClasses.join('; '),
        country: t.to,
        basis: t.mechanismText,
        source: t.source,
        details: `${t.why}${t.reference ? `; ${t.reference}` : ''}`,
      }),
    )
  for (const r of retentionEntries(ctx))
    rows.push(
      row('retention', r.recordClass, {
        dataClasses: r.dataClasses.join('; '),
        basis: `kept ${r.keep}, then ${r.action}${r.duty ? `; legal duty ${r.duty}` : ''}`,
        source: r.source,
      }),
    )
  for (const s of securityEntries(enforcedBy))
    rows.push(row('security', s.measure, { details: `enforced by ${s.enforcedBy.join('; ')}` }))
  return rows
}
