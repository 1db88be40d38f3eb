import type { DiagnosticCode } from './diagnostics'
import { guaranteedSeconds, JURISDICTION_FACTS, jurisdictionOfCountry } from './jurisdictions'
import type { ResolvedPlatform } from './resolved'
import type { PlatformConfig } from './schema/platform'
import { didYouMean } from './suggest'

/** A cross-field problem, located by the config path that best explains it. */
export interface RuleFinding {
  code: DiagnosticCode
  severity: 'error' | 'warning'
  path: (string | number)[]
  message: string
}

type Rule = (config: PlatformConfig, platform: ResolvedPlatform) => RuleFinding[]

const err = (code: DiagnosticCode, path: (string | number)[], message: string): RuleFinding => ({
  code,
  severity: 'error',
  path,
  message,
})

function formatSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`
  if (seconds % 3600 === 0) return `${seconds / 3600}h`
  if (seconds % 60 === 0) return `${seconds / 60}m`
  return `${seconds}s`
}

function reference(path: (string | number)[], kind: string, name: string, known: string[]): RuleFinding[] {
  if (known.includes(name)) return []
  const guess = didYouMean(name, known)
  const hint = guess ? ` (did you mean "${guess}"?)` : `; declared: ${known.join(', ') || 'none'}`
  return [err('UNKNOWN_REFERENCE', path, `${kind} "${name}" is not declared${hint}`)]
}

const trafficShares: Rule = (config) => {
  const live = Object.values(config.markets).filter((m) => m.status === 'live')
  const total = live.reduce((sum, m) => sum + m.trafficShare, 0)
  const findings: RuleFinding[] = []
  if (Math.abs(total - 100) > 1e-6) {
    findings.push(err('SHARES_NOT_100', ['markets'], `traffic shares of live markets sum to ${total}%, not 100%`))
  }
  for (const [name, m] of Object.entries(config.markets)) {
    if (m.status === 'planned' && m.trafficShare > 0) {
      findings.push(err('SHARES_NOT_100', ['markets', name, 'trafficShare'], 'a planned market has no traffic: set 0%'))
    }
  }
  return findings
}

const minMax: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const check = (path: (string | number)[], min: number, max: number, what: string) => {
    if (min > max) findings.push(err('MIN_ABOVE_MAX', path, `${what}: minimum ${min} is above maximum ${max}`))
  }
  const { resources } = config.compute
  check(['compute', 'resources', 'requests', 'cpu'], resources.requests.cpu, resources.limits.cpu, 'CPU request above its limit (millicores)')
  check(['compute', 'resources', 'requests', 'memory'], resources.requests.memory, resources.limits.memory, 'memory request above its limit (bytes)')
  for (const vertical of Object.values(platform.verticals)) {
    for (const w of Object.values(vertical.workloads)) {
      const path = config.verticals[vertical.name]?.workloads?.[w.name]
        ? ['verticals', vertical.name, 'workloads', w.name, 'autoscaling']
        : ['compute', 'autoscaling']
      const a = w.autoscaling
      check(path, a.minReplicas, a.maxReplicas, `replicas of ${vertical.name}/${w.name}`)
      const schedulePath = config.verticals[vertical.name]?.workloads?.[w.name]?.schedule
        ? ['verticals', vertical.name, 'workloads', w.name, 'schedule']
        : ['compute', 'schedule']
      check([...schedulePath, 'businessMinReplicas'], w.schedule.businessMinReplicas, a.maxReplicas, `business-hours minimum of ${vertical.name}/${w.name} above maxReplicas`)
      check([...schedulePath, 'peakMinReplicas'], w.schedule.peakMinReplicas, a.maxReplicas, `peak minimum of ${vertical.name}/${w.name} above maxReplicas`)
    }
  }
  const { pool, maxConnections } = config.dataStores.postgres
  check(['dataStores', 'postgres', 'pool', 'alarmAt'], pool.alarmAt, pool.max, 'pool alarm above the pool size')
  check(['dataStores', 'postgres', 'pool', 'max'], pool.max, maxConnections, 'pool size above maxConnections')
  const util = config.monitoring.business.providerUtilization
  check(['monitoring', 'business', 'providerUtilization'], util.min, util.max, 'provider utilization range')
  return findings
}

const regions: Rule = (config) => {
  const primaries = config.regions.flatMap((r, i) => (r.role === 'primary' ? [i] : []))
  const drs = config.regions.flatMap((r, i) => (r.role === 'dr' ? [i] : []))
  const findings: RuleFinding[] = []
  if (primaries.length !== 1) findings.push(err('REGIONS', ['regions'], `exactly one region must have role primary; found ${primaries.length}`))
  if (drs.length > 1) findings.push(err('REGIONS', ['regions', drs[1] as number, 'role'], 'at most one region may have role dr'))
  const primary = config.regions[primaries[0] ?? -1]
  for (const i of drs) {
    if (primary && config.regions[i]?.name === primary.name) {
      findings.push(err('REGIONS', ['regions', i, 'name'], `the DR region must differ from the primary region ${primary.name}`))
    }
  }
  return findings
}

const specialNeverCached: Rule = (config, platform) =>
  Object.values(platform.dataClasses).flatMap((c) => {
    if (!c.special) return []
    const out: RuleFinding[] = []
    const why = `"${c.name}" is special-category data (${c.category}) and is never cached`
    if (c.cacheTtl > 0) {
      const path = config.cache.ttl[c.name] !== undefined ? ['cache', 'ttl', c.name] : ['dataClasses', c.name]
      out.push(err('SPECIAL_CATEGORY_CACHED', path, `${why}: its TTL must be 0s, not ${formatSeconds(c.cacheTtl)}`))
    }
    if (c.cdnTtl > 0) out.push(err('SPECIAL_CATEGORY_CACHED', ['cache', 'cdnTtl', c.name], `${why}: remove its CDN TTL`))
    return out
  })

const dsrDeadlines: Rule = (config) =>
  (['access', 'rectification', 'erasure'] as const).flatMap((kind) =>
    config.jurisdictions.flatMap((code) => {
      const legal = JURISDICTION_FACTS[code].deadlines[kind]
      const configured = config.dsr.deadlines[kind]
      if (configured <= guaranteedSeconds(legal)) return []
      const unit = legal.business ? ' (business days are counted as calendar days, the shortest they can be)' : ''
      return [
        err('DSR_DEADLINE_EXCEEDS_LAW', ['dsr', 'deadlines', kind], `${kind} deadline ${formatSeconds(configured)} exceeds ${code}: ${legal.source}${unit}`),
      ]
    }),
  )

const transfers: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const subjects = jurisdictionOfCountry(config.dataResidency.subjectsCountry)
  const adequate = subjects ? JURISDICTION_FACTS[subjects].adequateCountries : null
  platform.regions.forEach((region, i) => {
    const law = jurisdictionOfCountry(region.country)
    if (law && !config.jurisdictions.includes(law)) {
      findings.push(
        err('JURISDICTION_MISSING', ['regions', i, 'name'], `${region.name} is in ${region.country}, which brings ${JURISDICTION_FACTS[law].law} into scope: add ${law} to jurisdictions`),
      )
    }
    if (region.country === config.dataResidency.subjectsCountry || !adequate || adequate.includes(region.country)) return
    if (!config.dataResidency.transferMechanism) {
      findings.push(
        err('TRANSFER_MECHANISM_MISSING', ['regions', i, 'name'], `${region.name} stores ${config.dataResidency.subjectsCountry} personal data in ${region.country}, which is not on the adequacy list: declare dataResidency.transferMechanism (model-clauses or consent)`),
      )
    }
  })
  return findings
}

const consentRules: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const max = config.consent.maxValidity
  if (max <= 0) findings.push(err('CONSENT_VALIDITY', ['consent', 'maxValidity'], 'consent validity must be positive'))
  for (const purpose of Object.values(platform.consent.purposes)) {
    const path = config.consent.purposes[purpose.name] ? ['consent', 'purposes', purpose.name] : ['consent']
    if (purpose.validity <= 0) findings.push(err('CONSENT_VALIDITY', [...path, 'validity'], 'consent validity must be positive'))
    if (purpose.validity > max) {
      findings.push(err('CONSENT_VALIDITY', [...path, 'validity'], `validity ${formatSeconds(purpose.validity)} exceeds consent.maxValidity ${formatSeconds(max)}`))
    }
    if (purpose.special && (!purpose.explicit || purpose.legalBasis !== 'consent')) {
      findings.push(
        err('EXPLICIT_CONSENT_REQUIRED', path, `purpose "${purpose.name}" covers special-category data: use legalBasis: consent with explicit: true`),
      )
    }
  }
  return findings
}

const references: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const tiers = Object.keys(config.tiers)
  const markets = Object.keys(config.markets)
  const classes = Object.keys(platform.dataClasses)
  const purposes = Object.keys(platform.consent.purposes)
  const severities = Object.keys(config.incidents.severities)
  const recordClasses = Object.keys(config.retention.recordClasses)
  for (const [name, m] of Object.entries(config.markets)) findings.push(...reference(['markets', name, 'tier'], 'tier', m.tier, tiers))
  for (const [name, v] of Object.entries(config.verticals)) {
    const resolved = platform.verticals[name]
    v.markets?.forEach((m, i) => findings.push(...reference(['verticals', name, 'markets', i], 'market', m, markets)))
    resolved?.dataClasses.forEach((c, i) =>
      findings.push(...reference(v.dataClasses ? ['verticals', name, 'dataClasses', i] : ['verticals', name], 'data class', c, classes)),
    )
    resolved?.purposes.forEach((p, i) =>
      findings.push(...reference(v.purposes ? ['verticals', name, 'purposes', i] : ['verticals', name], 'purpose', p, purposes)),
    )
    if (!/^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/.test(name)) {
      findings.push(err('INVALID_VALUE', ['verticals', name], `vertical name "${name}" must be a lowercase DNS label of at most 32 characters`))
    }
  }
  for (const [name, p] of Object.entries(config.consent.purposes)) {
    p.dataClasses.forEach((c, i) => findings.push(...reference(['consent', 'purposes', name, 'dataClasses', i], 'data class', c, classes)))
  }
  for (const key of Object.keys(config.cache.ttl)) findings.push(...reference(['cache', 'ttl', key], 'data class', key, classes))
  for (const key of Object.keys(config.cache.cdnTtl)) findings.push(...reference(['cache', 'cdnTtl', key], 'data class', key, classes))
  for (const c of Object.values(platform.dataClasses)) {
    if (c.recordClass) {
      const path = config.dataClasses[c.name] ? ['dataClasses', c.name, 'recordClass'] : ['retention', 'recordClasses']
      findings.push(...reference(path, 'record class', c.recordClass, recordClasses))
    }
  }
  const alertSeverities: [(string | number)[], string][] = []
  for (const [name, alert] of Object.entries(config.alerts)) {
    if (Array.isArray(alert)) alert.forEach((a, i) => alertSeverities.push([['alerts', name, i, 'severity'], a.severity]))
    else {
      alertSeverities.push([['alerts', name, 'severity'], alert.severity])
      if ('overdueSeverity' in alert) alertSeverities.push([['alerts', name, 'overdueSeverity'], alert.overdueSeverity])
    }
  }
  for (const [path, severity] of alertSeverities) findings.push(...reference(path, 'severity', severity, severities))
  for (const [name, t] of Object.entries(config.tiers)) {
    if (t.availability >= 100) findings.push(err('INVALID_VALUE', ['tiers', name, 'availability'], 'an availability of 100% leaves no error budget'))
  }
  return findings
}

const budgets: Rule = (config) => {
  const { monthly } = config.budget
  const findings: RuleFinding[] = []
  let total = 0
  for (const [name, m] of Object.entries(config.markets)) {
    if (m.budget.currency !== monthly.currency) {
      findings.push(err('BUDGET_EXCEEDED', ['markets', name, 'budget'], `budget is in ${m.budget.currency}, budget.monthly is in ${monthly.currency}`))
    }
    total += m.budget.amount
  }
  if (total > monthly.amount) {
    findings.push(err('BUDGET_EXCEEDED', ['budget', 'monthly'], `market budgets add up to ${monthly.currency} ${total}, more than the monthly ${monthly.currency} ${monthly.amount}`))
  }
  return findings
}

const windows: Rule = (config) => {
  const findings: RuleFinding[] = []
  const check = (path: (string | number)[], start: string, end: string) => {
    if (start >= end) findings.push(err('SCHEDULE', path, `the window ${start}-${end} ends before it starts (windows may not cross midnight)`))
  }
  const s = config.compute.schedule
  check(['compute', 'schedule', 'businessHours'], s.businessHours.start, s.businessHours.end)
  s.peaks.forEach((p, i) => check(['compute', 'schedule', 'peaks', i], p.start, p.end))
  for (const [name, w] of Object.entries(config.maintenance.windows)) check(['maintenance', 'windows', name], w.start, w.end)
  return findings
}

const RULES: Rule[] = [trafficShares, minMax, regions, specialNeverCached, dsrDeadlines, transfers, consentRules, references, budgets, windows]

/** Runs every cross-field rule; each finding names the config path that explains it. */
export function checkRules(config: PlatformConfig, platform: ResolvedPlatform): RuleFinding[] {
  return RULES.flatMap((rule) => rule(config, platform))
}
