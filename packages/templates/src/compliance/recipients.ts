import type { ResolvedPlatform, ResolvedVertical } from '@verticals/config-schema'
import { classesOf } from './facts'

/** A declared recipient as one vertical sees it: the personal data classes of the vertical it receives. */
export interface VerticalRecipient {
  readonly key: string
  readonly name: string
  readonly role: 'processor' | 'recipient'
  readonly service: string
  readonly country: string
  readonly purpose: string
  readonly contract: string | null
  /** `receives: all`: every class the vertical stores, personal or not (hosting). */
  readonly all: boolean
  readonly dataClasses: string[]
}

/**
 * The recipients of `platform.yaml` that receive personal data of the vertical: those not limited to
 * other verticals that receive at least one of its personal classes (`all`: every one of them).
 */
export function recipientsOf(platform: ResolvedPlatform, vertical: ResolvedVertical): VerticalRecipient[] {
  const personal = classesOf(platform, vertical)
    .filter((c) => c.personal)
    .map((c) => c.name)
  return Object.entries(platform.recipients)
    .filter(([, r]) => !r.verticals || r.verticals.includes(vertical.name))
    .map(([key, r]) => ({
      key,
      name: r.name,
      role: r.role,
      service: r.service,
      country: r.country,
      purpose: r.purpose,
      contract: r.contract ?? null,
      all: r.receives === 'all',
      dataClasses: r.receives === 'all' ? [...personal] : personal.filter((c) => r.receives.includes(c)),
    }))
    .filter((r) => r.dataClasses.length > 0)
}
