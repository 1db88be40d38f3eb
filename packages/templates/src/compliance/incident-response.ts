import type { ResolvedPlatform } from '@verticals/config-schema'
import {
  AUDIT_ANCHOR_STALE_FACTOR,
  burnRateSeverities,
  maintenanceIntervals,
  RETENTION_STALE_FACTOR,
} from '@verticals/observability'
import type { Artifact } from '../artifact'
import { markdownArtifact } from './documents'
import { type ComplianceContext, severityOf } from './facts'

/**
 * Anchors of the sections of `incident-response.md`, one per alert. Alert rules link to
 * `incident-response.md#<anchor>`, so these names are a contract. Aliases keep the names the
 * observability rules use where they differ; both resolve to the same section.
 */
export const RUNBOOK_SECTIONS = {
  serviceDown: { anchor: 'service-down', aliases: [] },
  postgresDown: { anchor: 'postgres-down', aliases: [] },
  redisDown: { anchor: 'redis-down', aliases: [] },
  latency: { anchor: 'latency-high', aliases: [] },
  errorRate: { anchor: 'error-rate-high', aliases: [] },
  errorCount: { anchor: 'error-count-high', aliases: [] },
  cpu: { anchor: 'cpu-high', aliases: [] },
  memory: { anchor: 'memory-high', aliases: [] },
  databaseCpu: { anchor: 'database-cpu-high', aliases: [] },
  poolSaturation: { anchor: 'pool-saturation', aliases: ['db-pool-saturation'] },
  cacheHitRate: { anchor: 'cache-hit-rate-low', aliases: [] },
  dsrDeadline: { anchor: 'dsr-deadline-near', aliases: ['dsr-deadline'] },
  dsrOverdue: { anchor: 'dsr-overdue', aliases: [] },
  retentionStale: { anchor: 'retention-stale', aliases: [] },
  auditAnchorStale: { anchor: 'audit-anchor-stale', aliases: [] },
  paymentSuccess: { anchor: 'payment-success-low', aliases: [] },
  sloBurnRate: { anchor: 'slo-burn-rate', aliases: ['availability-budget-burn', 'latency-budget-burn'] },
} as const satisfies Record<string, { anchor: string; aliases: readonly string[] }>

/** Every anchor of the runbook, aliases included. */
export const RUNBOOK_ANCHOR_NAMES: readonly string[] = Object.values(RUNBOOK_SECTIONS).flatMap((s) => [
  s.anchor,
  ...s.aliases,
])

function alertsView(platform: ResolvedPlatform) {
  const a = platform.alerts
  const sev = (name: string, field: string) => severityOf(platform, name, `alerts.${field}`)
  return {
    serviceDown: { for: a.serviceDown.for, severity: sev(a.serviceDown.severity, 'serviceDown') },
    postgresDown: { for: a.postgresDown.for, severity: sev(a.postgresDown.severity, 'postgresDown') },
    redisDown: {
      for: a.redisDown.for,
      severity: sev(a.redisDown.severity, 'redisDown'),
      cacheTimeout: platform.cache.timeout,
      breaker: platform.cache.circuitBreaker,
    },
    latency: a.latency.map((l, i) => ({ ...l, severity: sev(l.severity, `latency[${i}]`) })),
    sloLatency: platform.slo.latencyP95,
    errorRate: { ...a.errorRate, severity: sev(a.errorRate.severity, 'errorRate') },
    errorCount: { ...a.errorCount, severity: sev(a.errorCount.severity, 'errorCount') },
    cpu: { ...a.cpu, severity: sev(a.cpu.severity, 'cpu') },
    memory: { ...a.memory, severity: sev(a.memory.severity, 'memory') },
    databaseCpu: { ...a.databaseCpu, severity: sev(a.databaseCpu.severity, 'databaseCpu') },
    poolSaturation: {
      ...a.poolSaturation,
      severity: sev(a.poolSaturation.severity, 'poolSaturation'),
      alarmAt: platform.dataStores.postgres.pool.alarmAt,
      max: platform.dataStores.postgres.pool.max,
    },
    cacheHitRate: {
      ...a.cacheHitRate,
      severity: sev(a.cacheHitRate.severity, 'cacheHitRate'),
      target: platform.dataStores.redis.hitRateTarget,
    },
    dsrDeadline: {
      warnAt: platform.dsr.warnAt,
      severity: sev(a.dsrDeadline.severity, 'dsrDeadline.severity'),
    },
    dsrOverdue: { severity: sev(a.dsrDeadline.overdueSeverity, 'dsrDeadline.overdueSeverity') },
    retentionStale: {
      runEvery: platform.retention.runEvery,
      factor: RETENTION_STALE_FACTOR,
      staleAfter: RETENTION_STALE_FACTOR * platform.retention.runEvery,
      severity: sev(a.retentionStale.severity, 'retentionStale'),
    },
    auditAnchorStale: {
      every: platform.audit.anchor.every,
      factor: AUDIT_ANCHOR_STALE_FACTOR,
      staleAfter: AUDIT_ANCHOR_STALE_FACTOR * platform.audit.anchor.every,
      field: a.auditAnchorStale === undefined ? 'alerts.retentionStale' : 'alerts.auditAnchorStale',
      severity: sev(
        (a.auditAnchorStale ?? a.retentionStale).severity,
        a.auditAnchorStale === undefined ? 'retentionStale' : 'auditAnchorStale',
      ),
    },
    paymentSuccess: {
      ...a.paymentSuccess,
      severity: sev(a.paymentSuccess.severity, 'paymentSuccess'),
      target: platform.monitoring.business.paymentSuccessRate,
    },
  }
}

// What Alertmanager mutes in each window, as the monitoring bundle routes it.
const MUTED: Readonly<Record<string, string>> = {
  all: 'all alerts',
  database: 'database alerts',
  none: 'none: silence by hand if needed',
}

/** The view of `runbooks/incident-response.md`. */
export function incidentResponseView({
  platform,
  vertical,
}: Pick<ComplianceContext, 'platform' | 'vertical'>) {
  const mutes = new Map(maintenanceIntervals(platform).map((w) => [w.name, w.mutes]))
  const severities = Object.entries(platform.incidents.severities)
    .map(([name, s]) => ({ name, ...s }))
    .sort((x, y) => x.respondWithin - y.respondWithin)
  return {
    displayName: vertical.displayName,
    namespace: vertical.namespace,
    severities,
    breachDetection: platform.incidents.breachDetection,
    authorities: platform.jurisdictions.map((j) => ({ code: j.code, law: j.law, authority: j.authority })),
    contact: platform.metadata.controller.contact,
    maintenance: {
      timeZone: platform.maintenance.timeZone,
      windows: Object.entries(platform.maintenance.windows).map(([name, w]) => ({
        name,
        ...w,
        muted: MUTED[mutes.get(`maintenance-${name}`) ?? 'none'] ?? 'none',
      })),
    },
    slo: platform.slo,
    tiers: Object.entries(platform.tiers).map(([name, t]) => ({ name, ...t })),
    burnRate: {
      page: severityOf(platform, burnRateSeverities(platform).page, 'the paging burn-rate alert'),
      ticket: severityOf(platform, burnRateSeverities(platform).ticket, 'the ticket burn-rate alert'),
    },
    alerts: alertsView(platform),
    // How the service attributes a request to each market (markets.*.recognize), for reading the series.
    markets: vertical.markets.flatMap((name) => {
      const r = platform.markets[name]?.recognize
      if (!r) return []
      const rules = [
        ...r.viewerRegions.map((x) => `viewer region ${x}`),
        ...r.viewerCities.map((x) => `viewer city ${x}`),
        ...r.hosts.map((x) => `host ${x}`),
        ...r.pathPrefixes.map((x) => `path ${x}`),
      ]
      return [{ name, rules: rules.length > 0 ? rules.join(', ') : 'no rule: its requests count as unknown' }]
    }),
  }
}

/** `runbooks/incident-response.md`: severity matrix, breach handling, windows and one section per alert. */
export function incidentResponseArtifacts(ctx: ComplianceContext): Artifact[] {
  return [markdownArtifact(ctx, 'runbooks', 'incident-response.md', 'runbook', incidentResponseView(ctx))]
}
