import {
  DEDICATED,
  postgresOf,
  type ResolvedDataClass,
  type ResolvedPlatform,
  type ResolvedVertical,
  redisOf,
  tenancyOf,
} from '@verticals/config-schema'
import type { Artifact } from '../artifact'
import { policyArtifact } from './documents'
import { type ComplianceContext, classesOf, erasureCoTenants, purposesOf, purposesOfClass } from './facts'
import { locationsOf } from './locations'
import { recipientsOf } from './recipients'
import type { DataMap } from './schemas'

type Recipient = DataMap['dataClasses'][number]['recipients'][number]

// Recipients are the ones platform.yaml declares. Without a declared cloud provider, AWS still hosts
// every stored class (regions are AWS regions); without a declared social network, the vertical's
// socialIntegrations receive published content (user.content). Classes served through the CDN are public.
function recipientsOfClass(
  platform: ResolvedPlatform,
  vertical: ResolvedVertical,
  dataClass: ResolvedDataClass,
): Recipient[] {
  const declared = recipientsOf(platform, vertical)
  const out: Recipient[] = []
  if (!declared.some((r) => r.service === 'cloud'))
    out.push({ name: 'Amazon Web Services (hosting)', role: 'processor' })
  for (const r of declared)
    if (r.all || r.dataClasses.includes(dataClass.name)) out.push({ name: r.name, role: r.role })
  if (dataClass.storage.includes('cdn'))
    out.push({ name: 'the public (served through the CDN)', role: 'public' })
  if (dataClass.category.startsWith('user.content') && !declared.some((r) => r.service === 'social-network'))
    for (const network of vertical.socialIntegrations) out.push({ name: network, role: 'recipient' })
  return out
}

function retentionOf(
  platform: ResolvedPlatform,
  dataClass: ResolvedDataClass,
): DataMap['dataClasses'][number]['retention'] {
  const recordClass =
    dataClass.recordClass === null ? undefined : platform.retention.recordClasses[dataClass.recordClass]
  if (!recordClass || dataClass.recordClass === null) return null
  return { recordClass: dataClass.recordClass, keepSeconds: recordClass.keep, action: recordClass.action }
}

/**
 * Where the vertical's PostgreSQL and Redis data live: its own store or a shared one, and the other
 * verticals co-located there (each in its own schema and role, or under its own key prefix); on a
 * shared PostgreSQL, the members an erasure is carried across (`erasesWith`: asked, not reached).
 */
function placementOf(platform: ResolvedPlatform, vertical: ResolvedVertical): DataMap['dataStores'] {
  const pg = postgresOf(platform, vertical.name)
  const redis = redisOf(platform, vertical.name)
  const others = (members: readonly string[]) => members.filter((m) => m !== vertical.name)
  const tenancy = tenancyOf(platform, vertical.name)
  return {
    postgres: {
      store: pg.shared ?? DEDICATED,
      shared: pg.shared !== null,
      coLocatedWith: others(pg.members),
      erasesWith: erasureCoTenants(platform, vertical),
      schema: tenancy.schema,
      role: tenancy.roles.app,
    },
    redis: {
      store: redis.shared ?? DEDICATED,
      shared: redis.shared !== null,
      coLocatedWith: others(redis.members),
      keyPrefix: `${platform.metadata.name}:${vertical.name}:`,
    },
  }
}

/** The data map of a vertical: each data class with category, purposes, locations, retention and recipients. */
export function dataMap({ platform, vertical }: Pick<ComplianceContext, 'platform' | 'vertical'>): DataMap {
  const purposes = purposesOf(platform, vertical)
  return {
    vertical: vertical.name,
    // The data map's controller is who to ask; the DPO and registration are in the records of processing.
    controller: {
      name: platform.metadata.controller.name,
      country: platform.metadata.controller.country,
      contact: platform.metadata.controller.contact,
    },
    subjectsCountry: platform.dataResidency.subjectsCountry,
    dataStores: placementOf(platform, vertical),
    dataClasses: classesOf(platform, vertical).map((c) => ({
      name: c.name,
      description: c.description,
      category: c.category,
      personal: c.personal,
      special: c.special,
      specialIn: [...c.specialIn],
      fields: [...c.fields],
      purposes: purposesOfClass(purposes, c.name),
      storage: locationsOf(platform, c),
      retention: retentionOf(platform, c),
      cache: {
        ttlSeconds: c.cacheTtl,
        cdnTtlSeconds: c.cdnTtl,
        neverCached: c.cacheTtl === 0 && c.cdnTtl === 0,
      },
      recipients: recipientsOfClass(platform, vertical, c),
    })),
  }
}

/** `data-map.json`. */
export function dataMapArtifacts(ctx: ComplianceContext): Artifact[] {
  return [policyArtifact(ctx, 'data-map.json', dataMap(ctx))]
}
