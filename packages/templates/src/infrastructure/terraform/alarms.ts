import type { PostgresSettings, ResolvedPlatform } from '@verticals/config-schema'

// CloudWatch periods are whole minutes (above the high-resolution 10 s and 30 s).
const MINUTE = 60

/** A CloudWatch period covering a `for` duration: whole minutes, at least one. */
export function alarmPeriod(seconds: number): number {
  return Math.max(MINUTE, Math.ceil(seconds / MINUTE) * MINUTE)
}

/** An alarm's threshold, and one period spanning the whole `for` duration: the statistic over it must breach. */
export function alarmThreshold(threshold: number, seconds: number, severity: string) {
  return {
    threshold,
    period: alarmPeriod(seconds),
    evaluationPeriods: Math.ceil(seconds / alarmPeriod(seconds)),
    severity,
  }
}

/**
 * What the alarms template prints: CloudWatch alarms for what Prometheus cannot see from inside the
 * cluster (RDS and ElastiCache host metrics), with the thresholds and durations of `alerts`. `postgres`
 * is the store's own sizing (a shared store's connection limit and storage), the defaults otherwise.
 */
export function alarmsView(
  platform: ResolvedPlatform,
  postgres: PostgresSettings = platform.dataStores.postgres,
) {
  const { alerts, dataStores: defaults, dataResidency } = platform
  const dataStores = { postgres, redis: defaults.redis }
  const pool = dataStores.postgres.pool
  return {
    databaseCpu: alarmThreshold(
      alerts.databaseCpu.threshold,
      alerts.databaseCpu.for,
      alerts.databaseCpu.severity,
    ),
    // The pools' alarm ratio (alarmAt of max) applied to the instance's connection limit.
    databaseConnections: alarmThreshold(
      Math.floor((dataStores.postgres.maxConnections * pool.alarmAt) / pool.max),
      alerts.poolSaturation.for,
      alerts.poolSaturation.severity,
    ),
    // Free storage below its share of the allocated storage: the floor autoscaling should have kept.
    databaseFreeStorage: alarmThreshold(
      Math.floor((dataStores.postgres.storage * dataStores.postgres.freeStorageAlarm) / 100),
      alerts.databaseCpu.for,
      alerts.databaseCpu.severity,
    ),
    databaseFreeableMemory: alarmThreshold(
      dataStores.postgres.freeMemoryAlarm,
      alerts.databaseCpu.for,
      alerts.databaseCpu.severity,
    ),
    cacheCpu: alarmThreshold(alerts.cpu.threshold, alerts.cpu.for, alerts.cpu.severity),
    cacheMemory: alarmThreshold(alerts.memory.threshold, alerts.memory.for, alerts.memory.severity),
    cacheHitRate: alarmThreshold(
      dataStores.redis.hitRateTarget,
      alerts.cacheHitRate.for,
      alerts.cacheHitRate.severity,
    ),
    // Lag above the replication target for as long as the target itself.
    replicaLag: alarmThreshold(
      dataResidency.replicationLag,
      dataResidency.replicationLag,
      alerts.postgresDown.severity,
    ),
  }
}
