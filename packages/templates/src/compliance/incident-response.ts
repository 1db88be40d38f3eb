import type { BreachDeadline, ResolvedPlatform } from '@verticals/config-schema'
import {
  AUDIT_ANCHOR_STALE_FACTOR,
  burnRateSeverities,
  METRICS,
  maintenanceIntervals,
  RETENTION_STALE_FACTOR,
  sliMissingFor,
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
  breachNotification: { anchor: 'breach-notification-due', aliases: [] },
  retentionStale: { anchor: 'retention-stale', aliases: [] },
  auditAnchorStale: { anchor: 'audit-anchor-stale', aliases: [] },
  paymentSuccess: { anchor: 'payment-success-low', aliases: [] },
  sloBurnRate: { anchor: 'slo-burn-rate', aliases: ['availability-budget-burn', 'latency-budget-burn'] },
  sliMissing: { anchor: 'sli-missing', aliases: [] },
  watchdog: { anchor: 'watchdog', aliases: [] },
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
    breachNotification: {
      before: platform.breachNotification.alertBefore,
      field:
        a.breachNotification === undefined
          ? 'alerts.dsrDeadline.overdueSeverity'
          : 'alerts.breachNotification',
      severity: sev(platform.breachNotification.severity, 'breachNotification'),
      metric: METRICS.breachNotificationSecondsLeft.name,
    },
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
    deadMansSwitch: {
      ...platform.monitoring.deadMansSwitch,
      configured: platform.monitoring.deadMansSwitch.url !== undefined,
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
  const intervals = new Map(maintenanceIntervals(platform).map((w) => [w.name, w]))
  const muted = (name: string) => {
    const w = intervals.get(`maintenance-${name}`)
    const what = MUTED[w?.mutes ?? 'none'] ?? MUTED.none
    return w && w.mutes !== 'none' ? `${what} of severity ${w.severities.join(', ')}` : what
  }
  const severities = Object.entries(platform.incidents.severities)
    .map(([name, s]) => ({ name, ...s }))
    .sort((x, y) => x.respondWithin - y.respondWithin)
  return {
    displayName: vertical.displayName,
    namespace: vertical.namespace,
    severities,
    breachDetection: platform.incidents.breachDetection,
    authorities: platform.jurisdictions.map((j) => ({ code: j.code, law: j.law, authority: j.authority })),
    breachClocks: platform.breachNotification.clocks.map((c) => ({
      jurisdiction: c.jurisdiction,
      to: c.to,
      addressee: c.addressee,
      law: lawDeadline(c.deadline),
      target: c.target,
      source: c.source,
    })),
    breachContents: {
      authority: contentsOf(platform, 'authority'),
      subjects: contentsOf(platform, 'subjects'),
    },
    contact: platform.metadata.controller.contact,
    controllerName: platform.metadata.controller.name,
    maintenance: {
      timeZone: platform.maintenance.timeZone,
      windows: Object.entries(platform.maintenance.windows).map(([name, w]) => ({
        name,
        ...w,
        muted: muted(name),
      })),
    },
    slo: platform.slo,
    tiers: Object.entries(platform.tiers).map(([name, t]) => ({ name, ...t })),
    sliMissing: { for: sliMissingFor(platform, vertical) },
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

// Where the declared laws list what a notification to `to` must contain.
function contentsOf(platform: ResolvedPlatform, to: 'authority' | 'subjects'): string {
  const sources = platform.breachNotification.clocks.filter((c) => c.to === to).map((c) => c.contents)
  return sources.length > 0 ? [...new Set(sources)].join('; ') : 'no declared law requires one'
}

// The law's deadline as the runbook states it.
function lawDeadline(deadline: BreachDeadline): string {
  if (deadline === null) return 'none set by law'
  return 'hours' in deadline ? `${deadline.hours} hours` : `${deadline.businessDays} business days`
}

/** `runbooks/incident-response.md`: severity matrix, breach handling, windows and one section per alert. */
export function incidentResponseArtifacts(ctx: ComplianceContext): Artifact[] {
  return [markdownArtifact(ctx, 'runbooks', 'incident-response.md', 'runbook', incidentResponseView(ctx))]
}
