import type { PostgresSettings, ResolvedPlatform } from '@verticals/config-schema'
import { PlatformError, postgresOf } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { days, gibibytes } from '../quantity'
import { postgresIdentifier } from '../shared-stores'
import { logRetentionDays } from './logs'
import { dataStoreMaintenanceWindow } from './maintenance'

// AWS limits, not platform settings: RDS keeps automated backups at most 35 days, and without a
// replica the freshest copy of the database in another region is a daily snapshot.
const RDS_MAX_BACKUP_DAYS = 35
const SNAPSHOT_INTERVAL_SECONDS = 86_400
const LOG_PARAMETER_MAX_LENGTH_SINCE = 13

/** Whether the database RPO is tighter than cross-region snapshot copies can give: then a replica is needed. */
export function needsCrossRegionReplica(platform: ResolvedPlatform): boolean {
  return platform.drRegion !== null && platform.disasterRecovery.rpo.database < SNAPSHOT_INTERVAL_SECONDS
}

/**
 * Stricter logging where the vertical holds special-category data (health, biometrics): statements
 * keep their text in the logs but never the values bound to them, not even in error reports, so a
 * slow query or a failed insert cannot copy a diagnosis into CloudWatch. 0 means "log no value".
 */
function specialCategoryParameters(special: boolean, major: number) {
  // The two parameters exist from PostgreSQL 13 on (every major RDS still offers).
  if (!special || major < LOG_PARAMETER_MAX_LENGTH_SINCE) return []
  return ['log_parameter_max_length', 'log_parameter_max_length_on_error'].map((name) => ({
    name,
    value: '0',
    applyMethod: 'immediate',
  }))
}

/**
 * What the database template prints for a vertical's own PostgreSQL; null when the vertical is a member
 * of a shared store (dataStores.shared), which the platform part creates once (postgresStoreView).
 */
export function databaseView(platform: ResolvedPlatform, vertical: Vertical) {
  const placement = postgresOf(platform, vertical.name)
  if (placement.shared !== null) return null
  return postgresStoreView(platform, {
    prefix: resourcePrefix(platform, vertical),
    settings: placement.settings,
    settingsPath: 'dataStores.postgres',
    specialCategories: vertical.specialCategories.length > 0,
    ownSecurityGroup: false,
  })
}

/** One PostgreSQL store as the database template sees it: a vertical's own, or a shared one. */
export interface PostgresStore {
  /** The cloud-resource prefix: `<platform>-<vertical>` or `<platform>-shared-<store>`. */
  readonly prefix: string
  readonly settings: PostgresSettings
  /** Where the settings are written, for messages. */
  readonly settingsPath: string
  /** Whether any vertical in the store holds special-category data. */
  readonly specialCategories: boolean
  /** A shared store creates its security group (allowing each member); a vertical's takes them as input. */
  readonly ownSecurityGroup: boolean
}

/** What the database template prints: RDS PostgreSQL, its parameters and the optional DR replica. */
export function postgresStoreView(platform: ResolvedPlatform, store: PostgresStore) {
  const pg = store.settings
  const prefix = store.prefix
  const backupRetentionDays = days(pg.backupRetention)
  if (backupRetentionDays > RDS_MAX_BACKUP_DAYS) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `${store.settingsPath}.backupRetention is ${backupRetentionDays} days; RDS keeps at most ${RDS_MAX_BACKUP_DAYS}`,
      {
        hint: 'Lower backupRetention, or keep longer copies with AWS Backup outside this module.',
      },
    )
  }
  const major = pg.engineVersion.split('.')[0] ?? pg.engineVersion
  const replica = needsCrossRegionReplica(platform) && platform.drRegion
  return {
    identifier: postgresIdentifier(prefix),
    ownSecurityGroup: store.ownSecurityGroup,
    subnetGroupName: `${prefix}-postgres`,
    parameterGroupName: `${prefix}-postgres${major}`,
    finalSnapshot: `${prefix}-postgres-final`,
    kmsDescription: `${prefix} PostgreSQL storage and Performance Insights`,
    engineVersion: pg.engineVersion,
    family: `postgres${major}`,
    instanceClass: pg.instanceClass,
    allocatedStorage: gibibytes(pg.storage),
    // Storage autoscaling up to the configured ceiling; none when the config sets no ceiling.
    maxAllocatedStorage: pg.maxStorage === undefined ? null : gibibytes(pg.maxStorage),
    multiAz: pg.multiAz,
    // The write-only password is sent again only when this changes; the secret itself is never
    // regenerated (secrets.tf), so the first version is the only one.
    passwordVersion: 1,
    backupRetentionDays,
    performanceInsights: pg.performanceInsights,
    maintenanceWindow: dataStoreMaintenanceWindow(platform),
    // Created before the instance so RDS writes into groups that expire (its own never do).
    logGroups: Object.fromEntries(
      ['postgresql', 'upgrade'].map((log) => [log, `/aws/rds/instance/${prefix}-postgres/${log}`]),
    ),
    logRetentionDays: logRetentionDays(platform),
    // A replica must allow at least as many connections as its source, so both use the same parameters.
    parameters: [
      { name: 'max_connections', value: String(pg.maxConnections), applyMethod: 'pending-reboot' },
      {
        name: 'log_min_duration_statement',
        value: String(Math.round(pg.slowQuery * 1000)),
        applyMethod: 'immediate',
      },
      { name: 'rds.force_ssl', value: '1', applyMethod: 'immediate' }, // on: refuse unencrypted connections,
      ...specialCategoryParameters(store.specialCategories, Number(major)),
    ],
    replica: replica
      ? {
          region: replica.name,
          identifier: `${prefix}-postgres-replica`,
          subnetGroupName: `${prefix}-postgres-dr`,
          kmsDescription: `${prefix} PostgreSQL replica storage in ${replica.name}`,
          multiAz: replica.multiAz,
        }
      : null,
  }
}
