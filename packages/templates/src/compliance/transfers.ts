import type { ResolvedDataClass, ResolvedPlatform } from '@verticals/config-schema'
import { lawOfCountry } from './facts'
import { transferMechanismText } from './labels'
import { regionsOfClass } from './locations'

/** One cross-border transfer: personal data of the subjects' country stored in another country. */
export interface Transfer {
  readonly from: string
  readonly to: string
  readonly region: string
  readonly role: 'primary' | 'dr'
  /** Whether the subjects' law lists the destination as adequate; null when we do not know that law. */
  readonly adequate: boolean | null
  /** `yes`, `no`, or `no adequacy list` when the law publishes none, for documents. */
  readonly adequateText: string
  readonly law: string | null
  readonly mechanism: string | null
  readonly mechanismText: string | null
  readonly reference: string | null
  readonly dataClasses: string[]
}

/**
 * The transfers of a vertical: one per region outside `dataResidency.subjectsCountry` that stores any of
 * its personal data classes. The DR region is a transfer too: replication copies the data there.
 */
export function transfersOf(platform: ResolvedPlatform, classes: readonly ResolvedDataClass[]): Transfer[] {
  const from = platform.dataResidency.subjectsCountry
  const law = lawOfCountry(platform, from)
  const mechanism = platform.dataResidency.transferMechanism ?? null
  const regions = [
    { region: platform.primaryRegion, role: 'primary' as const },
    ...(platform.drRegion ? [{ region: platform.drRegion, role: 'dr' as const }] : []),
  ]
  return regions
    .filter(({ region }) => region.country !== from)
    .map(({ region, role }) => {
      const adequate = law?.adequateCountries ? law.adequateCountries.includes(region.country) : null
      return {
        from,
        to: region.country,
        region: region.name,
        role,
        adequate,
        adequateText: adequate === null ? 'no adequacy list' : adequate ? 'yes' : 'no',
        law: law?.law ?? null,
        mechanism,
        mechanismText: mechanism === null ? null : transferMechanismText(mechanism),
        reference: platform.dataResidency.transferReference ?? null,
        dataClasses: classes
          .filter((c) => c.personal && regionsOfClass(platform, c).some((r) => r.name === region.name))
          .map((c) => c.name),
      }
    })
    .filter((t) => t.dataClasses.length > 0)
}
