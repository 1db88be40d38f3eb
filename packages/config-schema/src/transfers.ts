import { JURISDICTION_FACTS, jurisdictionOfCountry } from './jurisdictions'
import type { ResolvedPlatform } from './resolved'
import { TRANSFER_SOURCES, type TransferMechanism } from './transfer-sources'

/** Why personal data crosses a border: stored in a region, replicated to the DR region, or sent to a recipient. */
export type TransferCause =
  | { kind: 'storage'; region: string; role: 'primary' | 'dr' }
  | { kind: 'replication'; from: string; to: string }
  | { kind: 'recipient'; recipient: string }

/** One international transfer and what it rests on; `mechanism` null means nothing covers it. */
export interface TransferFlow {
  readonly from: string
  readonly to: string
  readonly cause: TransferCause
  readonly mechanism: TransferMechanism | null
  readonly source: string | null
  readonly reference: string | null
  /** Index in dataResidency.transfers of the declaration that covers it, if one does. */
  readonly declared: number | null
}

/** Whether the law of `from` deems `to` adequate (a country with no known law or list: false). */
export function isAdequate(from: string, to: string): boolean {
  const law = jurisdictionOfCountry(from)
  return law !== undefined && (JURISDICTION_FACTS[law].adequateCountries ?? []).includes(to)
}

/** The norm the law of `from` gives a mechanism, when we know that law. */
export function transferSource(from: string, mechanism: TransferMechanism): string | null {
  const law = jurisdictionOfCountry(from)
  return law ? TRANSFER_SOURCES[law][mechanism] : null
}

function covered(platform: ResolvedPlatform, from: string, to: string, cause: TransferCause): TransferFlow {
  const { transfers, subjectsCountry, transferMechanism, transferReference } = platform.dataResidency
  const index = transfers.findIndex((t) => t.from === from && t.to === to)
  const declared = transfers[index]
  const flow = { from, to, cause, declared: declared ? index : null }
  const adequate = isAdequate(from, to)
  if (declared) {
    const mechanism = declared.mechanism ?? (adequate ? 'adequacy' : null)
    const source = declared.source ?? (mechanism ? transferSource(from, mechanism) : null)
    return { ...flow, mechanism, source, reference: declared.reference ?? null }
  }
  if (adequate)
    return { ...flow, mechanism: 'adequacy', source: transferSource(from, 'adequacy'), reference: null }
  // dataResidency.transferMechanism covers storing the subjects' data in the regions, as it always has.
  if (cause.kind === 'storage' && from === subjectsCountry && transferMechanism)
    return {
      ...flow,
      mechanism: transferMechanism,
      source: transferSource(from, transferMechanism),
      reference: transferReference ?? null,
    }
  return { ...flow, mechanism: null, source: null, reference: null }
}

/**
 * Every international transfer of the platform: the subjects' data stored in a region abroad, the
 * replication from the primary region's country to the DR region's when we know that country's law
 * (BR→US under LGPD art. 33), and each recipient abroad. Ordered by cause, then as declared.
 */
export function transferFlows(platform: ResolvedPlatform): TransferFlow[] {
  const from = platform.dataResidency.subjectsCountry
  const out: TransferFlow[] = []
  for (const region of platform.regions)
    if (region.country !== from)
      out.push(
        covered(platform, from, region.country, { kind: 'storage', region: region.name, role: region.role }),
      )
  const { primaryRegion: primary, drRegion: dr } = platform
  // A primary region under a known law brings that law in (the regions rule requires it declared).
  if (
    dr &&
    primary.country !== from &&
    primary.country !== dr.country &&
    jurisdictionOfCountry(primary.country)
  )
    out.push(
      covered(platform, primary.country, dr.country, {
        kind: 'replication',
        from: primary.name,
        to: dr.name,
      }),
    )
  for (const [key, recipient] of Object.entries(platform.recipients))
    if (recipient.country !== from)
      out.push(covered(platform, from, recipient.country, { kind: 'recipient', recipient: key }))
  return out
}
