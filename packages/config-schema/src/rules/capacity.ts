import { err, formatSeconds, type Rule, type RuleFinding } from './shared'

/** Live markets' traffic shares sum to 100 %; a planned market has none. */
export const trafficShares: Rule = (config) => {
  const live = Object.values(config.markets).filter((m) => m.status === 'live')
  const total = Math.round(live.reduce((sum, m) => sum + m.trafficShare, 0) * 1e6) / 1e6
  const findings: RuleFinding[] = []
  if (Math.abs(total - 100) > 1e-6) {
    findings.push(
      err('SHARES_NOT_100', ['markets'], `traffic shares of live markets sum to ${total}%, not 100%`),
    )
  }
  for (const [name, m] of Object.entries(config.markets)) {
    if (m.status === 'planned' && m.trafficShare > 0) {
      findings.push(
        err('SHARES_NOT_100', ['markets', name, 'trafficShare'], 'a planned market has no traffic: set 0%'),
      )
    }
  }
  return findings
}

/** Every minimum is at most its maximum: resources, replicas and their schedule, pools, ranges, RTOs, retention. */
export const minMax: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const check = (
    path: (string | number)[],
    min: number,
    max: number,
    what: string,
    show: (n: number) => string = String,
  ) => {
    if (min > max) findings.push(err('MIN_ABOVE_MAX', path, `${what}: ${show(min)} is above ${show(max)}`))
  }
  const { resources } = config.compute
  check(
    ['compute', 'resources', 'requests', 'cpu'],
    resources.requests.cpu,
    resources.limits.cpu,
    'CPU request above its limit (millicores)',
  )
  check(
    ['compute', 'resources', 'requests', 'memory'],
    resources.requests.memory,
    resources.limits.memory,
    'memory request above its limit (bytes)',
  )
  check(
    ['compute', 'resources', 'requests', 'ephemeralStorage'],
    resources.requests.ephemeralStorage,
    resources.limits.ephemeralStorage,
    'ephemeral-storage request above its limit (bytes)',
  )
  check(
    ['compute', 'tmpSize'],
    config.compute.tmpSize,
    resources.limits.ephemeralStorage,
    '/tmp size limit above the ephemeral-storage limit (bytes)',
  )
  for (const vertical of Object.values(platform.verticals)) {
    for (const w of Object.values(vertical.workloads)) {
      const own = config.verticals[vertical.name]?.workloads?.[w.name]
      const scaling = own?.autoscaling
        ? ['verticals', vertical.name, 'workloads', w.name, 'autoscaling']
        : ['compute', 'autoscaling']
      const schedule = own?.schedule
        ? ['verticals', vertical.name, 'workloads', w.name, 'schedule']
        : ['compute', 'schedule']
      const a = w.autoscaling
      const s = w.schedule
      const who = `${vertical.name}/${w.name}`
      check(
        [...scaling, 'minReplicas'],
        a.minReplicas,
        a.maxReplicas,
        `minReplicas of ${who} above maxReplicas`,
      )
      check(
        [...schedule, 'businessMinReplicas'],
        a.minReplicas,
        s.businessMinReplicas,
        `business-hours minimum of ${who} would lower capacity: minReplicas`,
      )
      check(
        [...schedule, 'peakMinReplicas'],
        s.businessMinReplicas,
        s.peakMinReplicas,
        `peak minimum of ${who} below its business-hours minimum: businessMinReplicas`,
      )
      check(
        [...schedule, 'peakMinReplicas'],
        s.peakMinReplicas,
        a.maxReplicas,
        `peak minimum of ${who} above maxReplicas`,
      )
    }
  }
  const { pool, maxConnections } = config.dataStores.postgres
  check(
    ['dataStores', 'postgres', 'pool', 'alarmAt'],
    pool.alarmAt,
    pool.max,
    'pool alarm above the pool size',
  )
  check(['dataStores', 'postgres', 'pool', 'max'], pool.max, maxConnections, 'pool size above maxConnections')
  const util = config.monitoring.business.providerUtilization
  check(
    ['monitoring', 'business', 'providerUtilization', 'min'],
    util.min,
    util.max,
    'provider utilization minimum above its maximum',
    (n) => `${n}%`,
  )
  const { rto } = config.disasterRecovery
  check(
    ['disasterRecovery', 'rto', 'database'],
    rto.database,
    rto.fullSystem,
    'database RTO above the full-system RTO',
    formatSeconds,
  )
  check(
    ['disasterRecovery', 'rto', 'application'],
    rto.application,
    rto.fullSystem,
    'application RTO above the full-system RTO',
    formatSeconds,
  )
  // A burn-rate alert over the SLO period needs the whole period in Prometheus.
  check(
    ['slo', 'period'],
    config.slo.period,
    config.monitoring.retention,
    'SLO period longer than monitoring.retention',
    formatSeconds,
  )
  const { maxSurge, maxUnavailable } = config.compute.rollingUpdate
  if (maxSurge === 0 && maxUnavailable === 0) {
    findings.push(
      err(
        'INVALID_VALUE',
        ['compute', 'rollingUpdate'],
        'maxSurge and maxUnavailable may not both be 0: a rollout could never make progress',
      ),
    )
  }
  return findings
}
