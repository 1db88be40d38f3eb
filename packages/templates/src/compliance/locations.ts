import type { ResolvedDataClass, ResolvedPlatform, ResolvedRegion } from '@verticals/config-schema'
import { storageText } from './labels'
import type { StorageLocation } from './schemas'

// Where each storage system keeps data, as the infrastructure bundle deploys it: PostgreSQL and object
// storage in the primary region with a copy in the DR region (database replica or snapshot copies, S3
// replication), Redis in the primary region only, and the CDN at edge locations wherever viewers are.

type System = StorageLocation['system']

function regionsOf(platform: ResolvedPlatform, system: string): readonly ResolvedRegion[] {
  if (system === 'cdn') return []
  const replicated = system === 'postgres' || system === 'object-storage'
  if (replicated && platform.drRegion) return [platform.primaryRegion, platform.drRegion]
  return [platform.primaryRegion]
}

/** The storage locations of one data class, with the regions and their countries. */
export function locationsOf(platform: ResolvedPlatform, dataClass: ResolvedDataClass): StorageLocation[] {
  return dataClass.storage.map((system) => {
    const regions = regionsOf(platform, system)
    return {
      system: system as System,
      description: storageText(system),
      regions: regions.map((r) => r.name),
      countries: [...new Set(regions.map((r) => r.country))],
      edge: system === 'cdn',
    }
  })
}

/** The regions where a data class is stored (never the CDN's edge locations). */
export function regionsOfClass(
  platform: ResolvedPlatform,
  dataClass: ResolvedDataClass,
): readonly ResolvedRegion[] {
  const out = new Map<string, ResolvedRegion>()
  for (const system of dataClass.storage) for (const r of regionsOf(platform, system)) out.set(r.name, r)
  return [...out.values()]
}
