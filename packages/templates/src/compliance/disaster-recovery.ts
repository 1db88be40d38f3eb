import { erasureOtherStores, postgresOf, redisOf } from '@verticals/config-schema'
import type { Artifact } from '../artifact'
import { markdownArtifact } from './documents'
import { type ComplianceContext, erasureCoTenants } from './facts'

/** The view of `runbooks/disaster-recovery.md`. */
export function disasterRecoveryView({
  platform,
  vertical,
}: Pick<ComplianceContext, 'platform' | 'vertical'>) {
  const { disasterRecovery: dr } = platform
  // The vertical's own stores, or the shared ones it is a member of (dataStores.shared).
  const pg = postgresOf(platform, vertical.name)
  const redis = redisOf(platform, vertical.name)
  const sharedWith = (members: readonly string[]) => members.filter((m) => m !== vertical.name).join(', ')
  const coTenants = erasureCoTenants(platform, vertical)
  return {
    displayName: vertical.displayName,
    primary: platform.primaryRegion,
    dr: platform.drRegion,
    replicationLag: platform.dataResidency.replicationLag,
    rto: dr.rto,
    rpo: dr.rpo,
    tests: dr.tests,
    postgres: {
      multiAz: pg.settings.multiAz,
      backupRetention: pg.settings.backupRetention,
      instanceClass: pg.settings.instanceClass,
      shared: pg.shared,
      sharedWith: sharedWith(pg.members),
    },
    redis: {
      nodes: redis.settings.nodes,
      automaticFailover: redis.settings.automaticFailover,
      shared: redis.shared,
      sharedWith: sharedWith(redis.members),
    },
    objectStorage: vertical.objectStorage,
    // The co-tenants: a restore rolls them back too, and each replays the erasures it carried out
    // (those this vertical asked of it included) with its own service and subject key.
    erasureCoTenants: coTenants,
    // The verticals on other stores: a restore here does not roll them back (the erasure relay's part).
    erasureOtherStores: erasureOtherStores(platform, vertical.name),
    maintenance: {
      timeZone: platform.maintenance.timeZone,
      windows: Object.entries(platform.maintenance.windows).map(([name, w]) => ({ name, ...w })),
    },
  }
}

/** `runbooks/disaster-recovery.md`: RTO/RPO per layer, regions, replication and the DR test cadence. */
export function disasterRecoveryArtifacts(ctx: ComplianceContext): Artifact[] {
  return [markdownArtifact(ctx, 'runbooks', 'disaster-recovery.md', 'runbook', disasterRecoveryView(ctx))]
}
