import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { days } from '../quantity'

/**
 * What the storage template prints, or null when the vertical keeps no objects. Objects of a data class
 * with a retention record class (stored under `<data-class>/`) expire after its `keep`; versions left by
 * deletions or overwrites, and abandoned uploads, are purged within the erasure deadline so an erased
 * object does not live on as an old version.
 */
export function storageView(platform: ResolvedPlatform, vertical: Vertical) {
  if (!vertical.objectStorage) return null
  const prefix = resourcePrefix(platform, vertical)
  const expirations = vertical.dataClasses.flatMap((name) => {
    const dataClass = platform.dataClasses[name]
    if (!dataClass?.storage.includes('object-storage') || dataClass.recordClass === null) return []
    const record = platform.retention.recordClasses[dataClass.recordClass]
    return record ? [{ id: `expire-${name}`, prefix: `${name}/`, days: days(record.keep) }] : []
  })
  return {
    bucket: `${prefix}-objects`,
    kmsDescription: `${prefix} object storage`,
    expirations,
    purgeNoncurrentDays: days(platform.dsr.deadlines.erasure),
  }
}
