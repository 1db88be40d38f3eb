import { describe, expect, it } from 'vitest'
import type { ResolvedPlatform } from './resolved'
import { argentinaText, barberText, resolveText } from './testing/example'

// Every number of /work/shared/design/SEED-FACTS.md (design/SEED-FACTS.md beside the repository), mapped
// to where the resolved example carries it. Each row: [SEED-FACTS line, path, value]. Durations are
// seconds, percentages are numbers of percent, CPU is millicores, sizes are bytes. Rows marked
// `barber` read apps/example-barber (the seed-000 "earlier targets"); all others the four-vertical example.

const MIN = 60
const HOUR = 3600
const DAY = 86_400
const GI = 1024 ** 3

type Row = [line: number, path: string, value: unknown, example?: 'barber']

const ROWS: Row[] = [
  // Regions and data residency
  [11, 'primaryRegion.name', 'sa-east-1'],
  [11, 'primaryRegion.multiAz', true],
  [11, 'drRegion.name', 'us-east-1'],
  [12, 'dataResidency.replicationLag', 60],
  [13, 'dataResidency.subjectsCountry', 'AR'],
  [13, 'primaryRegion.country', 'BR'],
  [14, 'dataResidency.transferMechanism', 'model-clauses'],
  // Markets and tiers
  [19, 'markets.buenos-aires.tier', 'tier-1'],
  [19, 'markets.buenos-aires.trafficShare', 60],
  [19, 'markets.buenos-aires.latencyP95', 0.08],
  [19, 'markets.buenos-aires.budget', { amount: 4800, currency: 'USD' }],
  [19, 'markets.buenos-aires.edgeCache', 100e9],
  [20, 'markets.cordoba.tier', 'tier-2'],
  [20, 'markets.cordoba.trafficShare', 20],
  [20, 'markets.cordoba.latencyP95', 0.12],
  [20, 'markets.cordoba.budget', { amount: 1600, currency: 'USD' }],
  [20, 'markets.cordoba.edgeCache', 30e9],
  [21, 'markets.rosario.tier', 'tier-2'],
  [21, 'markets.rosario.trafficShare', 15],
  [21, 'markets.rosario.latencyP95', 0.12],
  [21, 'markets.rosario.budget', { amount: 1200, currency: 'USD' }],
  [21, 'markets.rosario.edgeCache', 25e9],
  [22, 'markets.la-plata.tier', 'tier-3'],
  [22, 'markets.la-plata.trafficShare', 5],
  [22, 'markets.la-plata.latencyP95', 0.15],
  [22, 'markets.la-plata.budget', { amount: 400, currency: 'USD' }],
  [22, 'markets.la-plata.edgeCache', 15e9],
  [23, 'markets.mendoza.latencyP95', 0.18],
  [23, 'markets.mendoza.status', 'planned'],
  // Compute and autoscaling
  [26, 'compute.resources.requests.cpu', 500],
  [26, 'compute.resources.requests.memory', GI],
  [26, 'compute.resources.limits.cpu', 2000],
  [26, 'compute.resources.limits.memory', 4 * GI],
  [27, 'compute.probes.liveness.path', '/health'],
  [27, 'compute.probes.liveness.initialDelay', 30],
  [27, 'compute.probes.liveness.period', 10],
  [27, 'compute.probes.readiness.path', '/ready'],
  [28, 'compute.probes.readiness.initialDelay', 5],
  [28, 'compute.probes.readiness.period', 5],
  [28, 'compute.rollingUpdate', { maxSurge: 2, maxUnavailable: 1 }],
  [29, 'compute.autoscaling.minReplicas', 5],
  [29, 'compute.autoscaling.maxReplicas', 50],
  [29, 'compute.autoscaling.cpuUtilization', 70],
  [29, 'compute.autoscaling.memoryUtilization', 80],
  [29, 'compute.autoscaling.scaleUp.stabilizationWindow', 60],
  [30, 'compute.autoscaling.scaleUp.pods', 10],
  [30, 'compute.autoscaling.scaleUp.period', 60],
  [30, 'compute.autoscaling.scaleDown.stabilizationWindow', 300],
  [30, 'compute.autoscaling.scaleDown.pods', 2],
  [30, 'compute.autoscaling.scaleDown.period', 60],
  [31, 'verticals.barber.workloads.api.autoscaling.cpuUtilization', 60, 'barber'],
  [31, 'verticals.barber.workloads.api.autoscaling.memoryUtilization', 70, 'barber'],
  [31, 'verticals.barber.workloads.api.autoscaling.scaleUp.stabilizationWindow', 5 * MIN, 'barber'],
  [31, 'verticals.barber.workloads.api.autoscaling.scaleDown.stabilizationWindow', 10 * MIN, 'barber'],
  [32, 'verticals.barber.workloads.api.autoscaling.minReplicas', 3, 'barber'],
  [32, 'verticals.barber.workloads.api.autoscaling.maxReplicas', 20, 'barber'],
  [32, 'verticals.barber.workloads.web.autoscaling.minReplicas', 5],
  [32, 'verticals.barber.workloads.web.autoscaling.maxReplicas', 25],
  [32, 'verticals.barber.workloads.web.autoscaling.cpuUtilization', 65],
  [32, 'verticals.barber.workloads.api.autoscaling.minReplicas', 3],
  [32, 'verticals.barber.workloads.api.autoscaling.maxReplicas', 15],
  [32, 'verticals.barber.workloads.api.autoscaling.cpuUtilization', 60],
  [33, 'verticals.barber.workloads.booking.autoscaling.minReplicas', 3],
  [33, 'verticals.barber.workloads.booking.autoscaling.maxReplicas', 12],
  [33, 'verticals.barber.workloads.booking.queueDepthTarget', 30],
  [33, 'verticals.psychology.workloads.api.autoscaling.minReplicas', 2],
  [33, 'verticals.psychology.workloads.api.autoscaling.maxReplicas', 8],
  [34, 'compute.schedule.businessHours.start', '09:00'],
  [34, 'compute.schedule.businessHours.end', '18:00'],
  [34, 'compute.schedule.timeZone', 'America/Argentina/Buenos_Aires'],
  [
    35,
    'compute.schedule.peaks',
    [
      { start: '09:00', end: '12:00' },
      { start: '17:00', end: '20:00' },
    ],
  ],
  // Data stores
  // Lines 38 and 40 size every store at db.r6g.2xlarge and six cache nodes: the example departs from
  // them on purpose (issue 15), as its comments say: at those sizes it costs about USD 39,500 a month
  // against a budget of 15,000. The rows below hold the right-sized defaults it chose instead.
  [38, 'dataStores.postgres.instanceClass', 'db.r6g.large'],
  [38, 'dataStores.postgres.multiAz', true],
  [38, 'dataStores.postgres.backupRetention', 30 * DAY],
  [39, 'dataStores.postgres.performanceInsights', true],
  [39, 'dataStores.postgres.maxConnections', 1000],
  [39, 'dataStores.postgres.pool', { max: 200, alarmAt: 160 }],
  [39, 'dataStores.postgres.fastQueryTarget', 95],
  [39, 'dataStores.postgres.slowQuery', 0.1],
  [40, 'dataStores.redis.nodes', 2],
  [40, 'dataStores.redis.automaticFailover', true],
  [40, 'dataStores.redis.encryptionAtRest', true],
  [41, 'dataStores.redis.encryptionInTransit', true],
  [41, 'dataStores.redis.evictionPolicy', 'allkeys-lru'],
  [41, 'dataStores.redis.hitRateTarget', 90],
  // Cache TTLs by data class
  [44, 'dataClasses.static-assets.cacheTtl', 30 * DAY],
  [44, 'dataClasses.static-assets.cdnTtl', 365 * DAY],
  [44, 'dataClasses.api-responses.cacheTtl', 10 * MIN],
  [44, 'dataClasses.api-responses.cdnTtl', 5 * MIN],
  [44, 'dataClasses.user-profiles.cacheTtl', 2 * HOUR],
  [45, 'dataClasses.session-notes.cacheTtl', 0],
  [45, 'dataClasses.session-notes.cdnTtl', 0],
  // SLOs and alerts
  [48, 'slo.availability', 99.9],
  [48, 'slo.period', 30 * DAY],
  [48, 'tiers.tier-1.availability', 99.95],
  [48, 'slo.latencyP95', 0.2],
  [49, 'slo.errorRate', 0.1],
  [49, 'slo.mttd', 5 * MIN],
  [49, 'slo.mttr', 15 * MIN],
  [50, 'alerts.serviceDown.for', 60],
  [50, 'alerts.latency.1.threshold', 0.5],
  [50, 'alerts.errorCount', { threshold: 20, window: 5 * MIN, severity: 'high' }],
  // "warning" in the seed is the `high` severity of the incident table (line 63).
  [51, 'alerts.latency.0', { threshold: 0.1, for: 2 * MIN, severity: 'high' }],
  [51, 'alerts.errorRate', { threshold: 1, for: MIN, severity: 'critical' }],
  [52, 'alerts.postgresDown', { for: MIN, severity: 'critical' }],
  [52, 'alerts.redisDown', { for: MIN, severity: 'critical' }],
  [52, 'alerts.cpu.threshold', 80],
  [53, 'alerts.cpu.for', 5 * MIN],
  [53, 'alerts.memory', { threshold: 90, for: 5 * MIN, severity: 'high' }],
  [53, 'alerts.databaseCpu.threshold', 80],
  [54, 'monitoring.scrapeInterval', 15],
  [54, 'verticals.barber.workloads.api.scrapeInterval', 5],
  [54, 'monitoring.retention', 30 * DAY],
  [54, 'monitoring.logRetention', 90 * DAY],
  [55, 'monitoring.exporters.postgres.port', 9187],
  [55, 'monitoring.exporters.redis.port', 9121],
  [57, 'monitoring.business.paymentSuccessRate', 95],
  [57, 'monitoring.business.providerUtilization', { min: 75, max: 85 }],
  [57, 'monitoring.business.revenueCurrency', 'ARS'],
  // Incidents and maintenance
  [62, 'incidents.severities.critical.respondWithin', 5 * MIN],
  [62, 'incidents.severities.critical.escalation', ['on-call', 'cto', 'all-hands']],
  [63, 'incidents.severities.high.respondWithin', 15 * MIN],
  [63, 'incidents.severities.high.escalation', ['on-call', 'tech-lead', 'product']],
  [64, 'incidents.severities.medium.respondWithin', HOUR],
  [64, 'incidents.severities.medium.escalation', ['on-call', 'engineering']],
  [65, 'incidents.severities.low.respondWithin', 24 * HOUR],
  [65, 'incidents.severities.low.escalation', ['on-call']],
  [66, 'maintenance.timeZone', 'America/Argentina/Buenos_Aires'],
  [
    66,
    'maintenance.windows.primary',
    { days: ['sun'], start: '02:00', end: '04:00', scope: 'all', emergencyOnly: false },
  ],
  [
    66,
    'maintenance.windows.emergency',
    { days: ['wed'], start: '01:00', end: '03:00', scope: 'all', emergencyOnly: true },
  ],
  [
    67,
    'maintenance.windows.database',
    { days: ['sun'], start: '04:00', end: '05:00', scope: 'database', emergencyOnly: false },
  ],
  // Disaster recovery
  [70, 'disasterRecovery.rto', { target: HOUR, database: HOUR, application: 30 * MIN, fullSystem: 2 * HOUR }],
  [71, 'disasterRecovery.rpo', { database: 15 * MIN, fileStorage: 5 * MIN, configuration: MIN }],
  [
    72,
    'disasterRecovery.tests',
    { databaseFailover: 'weekly', applicationRecovery: 'biweekly', fullSimulation: 'quarterly' },
  ],
  // Security
  [75, 'security.waf.allowCountries', ['AR']],
  [75, 'security.waf.rateLimits', [{ path: '/api/', requests: 100, window: 60 }]],
  [76, 'security.waf.managedRules', ['sql-injection']],
  [76, 'security.tls.minVersion', '1.3'],
  [76, 'security.headers.frameOptions', 'DENY'],
  [78, 'security.network.postgresPort', 5432],
  [78, 'security.network.redisPort', 6379],
  [78, 'security.encryptionAtRest', 'AES-256'],
  // Privacy and compliance
  [81, 'jurisdictions.0.code', 'AR'],
  [82, 'dsr.deadlines', { access: 72 * HOUR, rectification: 48 * HOUR, erasure: 24 * HOUR }],
  [83, 'incidents.breachDetection', 15 * MIN],
  [84, 'dataClasses.session-notes.category', 'user.health'],
  [85, 'consent.purposes.health-care.explicit', true],
  [85, 'consent.purposes.health-care.validity', 24 * 30 * DAY],
  [86, 'verticals.psychology.dpiaRequired', true],
  [87, 'dataClasses.biometric-measurements.special', true],
  [87, 'verticals.beauty.objectStorage', true],
  [88, 'verticals.beauty.socialIntegrations', ['instagram', 'facebook']],
  [89, 'retention.recordClasses.authentication.keep', 5 * 365 * DAY],
  [89, 'retention.recordClasses.data-access.keep', 7 * 365 * DAY],
  [90, 'retention.recordClasses.financial.keep', 10 * 365 * DAY],
  [90, 'retention.recordClasses.system.keep', 2 * 365 * DAY],
  // Cost
  [93, 'budget.monthly', { amount: 15000, currency: 'USD' }],
  [93, 'budget.alertThresholds', [80, 100]],
]

const platforms = { argentina: resolveText(argentinaText()), barber: resolveText(barberText()) }

/** Reads a dotted path; a numeric segment indexes an array. */
function at(platform: ResolvedPlatform, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined
    return (node as Record<string, unknown>)[key]
  }, platform)
}

describe('SEED-FACTS.md numbers in the resolved examples', () => {
  it.each(ROWS)('line %i: %s = %j', (_line, path, value, example) => {
    expect(at(platforms[example ?? 'argentina'], path)).toEqual(value)
  })

  it('covers every section of SEED-FACTS.md that states a number', () => {
    const lines = new Set(ROWS.map(([line]) => line))
    for (const line of [
      11, 12, 19, 20, 21, 22, 23, 26, 29, 31, 32, 33, 34, 38, 39, 40, 44, 45, 48, 49, 50, 51, 52, 53, 54, 55,
      57, 62, 63, 64, 65, 66, 70, 71, 72, 75, 78, 82, 83, 85, 89, 90, 93,
    ]) {
      expect(lines.has(line), `SEED-FACTS line ${line}`).toBe(true)
    }
  })

  it('the market budgets of the table add up within the monthly budget', () => {
    const markets = Object.values(platforms.argentina.markets)
    expect(markets.reduce((sum, m) => sum + m.budget.amount, 0)).toBe(8000)
    expect(markets.filter((m) => m.status === 'live').reduce((sum, m) => sum + m.trafficShare, 0)).toBe(100)
  })

  it('the barber example is barber only, with a single workload', () => {
    expect(Object.keys(platforms.barber.verticals)).toEqual(['barber'])
    expect(Object.keys(platforms.barber.verticals.barber?.workloads ?? {})).toEqual(['api'])
  })
})
