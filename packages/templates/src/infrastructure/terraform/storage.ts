import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { days } from '../quantity'
import { alarmThreshold } from './alarms'

// S3 Replication Time Control has one fixed target: 15 minutes (AWS's value, not a setting).
const RTC_MINUTES = 15

/**
 * Days an overwritten or deleted object's previous version stays restorable. Old versions are the
 * object store's recovery points: they are kept as long as the database can be restored to a point in
 * time (`dataStores.postgres.backupRetention`), so a whole-system restore to any point of that window
 * finds the objects of that moment, and never for less than the file-storage RPO.
 */
export function noncurrentVersionDays(platform: ResolvedPlatform): number {
  const { disasterRecovery, dataStores } = platform
  return Math.max(days(disasterRecovery.rpo.fileStorage), days(dataStores.postgres.backupRetention))
}

/**
 * What the storage template prints, or null when the vertical keeps no objects. Objects of a data class
 * with a retention record class (stored under `<data-class>/`) expire after its `keep`; previous versions
 * stay restorable for `noncurrentVersionDays` (erasing an object means deleting each of its versions),
 * and abandoned uploads are aborted within the erasure deadline. With a DR region, objects (and
 * deletions) are replicated to a bucket there, under the same rules, and replication slower than
 * `rpo.fileStorage` raises an alarm.
 */
export function storageView(platform: ResolvedPlatform, vertical: Vertical) {
  if (!vertical.objectStorage) return null
  const prefix = resourcePrefix(platform, vertical)
  const { rpo } = platform.disasterRecovery
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
    noncurrentDays: noncurrentVersionDays(platform),
    abortUploadDays: days(platform.dsr.deadlines.erasure),
    replica: platform.drRegion
      ? {
          region: platform.drRegion.name,
          bucket: `${prefix}-objects-${platform.drRegion.name}`,
          kmsDescription: `${prefix} object storage replica in ${platform.drRegion.name}`,
          roleName: `${prefix}-objects-replication`,
          ruleId: 'replicate-to-dr',
          replicationTimeMinutes: RTC_MINUTES,
          // Objects later than the file-storage RPO, sustained for as long as the RPO itself.
          latencyAlarm: alarmThreshold(
            rpo.fileStorage,
            rpo.fileStorage,
            platform.alerts.postgresDown.severity,
          ),
        }
      : null,
  }
}
