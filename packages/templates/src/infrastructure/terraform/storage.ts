import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { days } from '../quantity'
import { alarmThreshold } from './alarms'

// S3 Replication Time Control has one fixed target: 15 minutes (AWS's value, not a setting).
const RTC_MINUTES = 15

/**
 * What the storage template prints, or null when the vertical keeps no objects. Objects of a data class
 * with a retention record class (stored under `<data-class>/`) expire after its `keep`; versions left by
 * deletions or overwrites, and abandoned uploads, are purged within the erasure deadline so an erased
 * object does not live on as an old version. With a DR region, objects (and deletions) are replicated
 * to a bucket there, under the same rules, and replication slower than `rpo.fileStorage` raises an alarm.
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
    purgeNoncurrentDays: days(platform.dsr.deadlines.erasure),
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
