import { PRESET_NAMES } from '../schema/verticals'
import { didYouMean } from '../suggest'
import { err, type Rule, type RuleFinding, reference } from './shared'

/** The bundle directory of the platform-wide files (templates' PLATFORM_DIR): no vertical may be called so. */
export const RESERVED_VERTICAL = 'platform'

/** Every name that points elsewhere in the file (tier, market, data class, purpose, record class, severity, preset) is declared. */
export const references: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const tiers = Object.keys(config.tiers)
  const markets = Object.keys(config.markets)
  const classes = Object.keys(platform.dataClasses)
  const purposes = Object.keys(platform.consent.purposes)
  const severities = Object.keys(config.incidents.severities)
  const recordClasses = Object.keys(config.retention.recordClasses)
  for (const [name, m] of Object.entries(config.markets))
    findings.push(...reference(['markets', name, 'tier'], 'tier', m.tier, tiers))
  for (const [name, v] of Object.entries(config.verticals)) {
    if (!v.preset && !(PRESET_NAMES as readonly string[]).includes(name)) {
      const guess = didYouMean(name, PRESET_NAMES)
      const hint = guess ? ` (did you mean "${guess}"?)` : ''
      const message = `vertical "${name}" is not a preset name${hint}: rename it or set preset: ${PRESET_NAMES.join(' | ')}`
      findings.push({ ...err('UNKNOWN_REFERENCE', ['verticals', name], message), at: 'key' })
    }
    if (!/^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/.test(name)) {
      const message = `vertical name "${name}" must be a lowercase DNS label of at most 32 characters`
      findings.push({ ...err('INVALID_VALUE', ['verticals', name], message), at: 'key' })
    }
    if (name === RESERVED_VERTICAL) {
      const message = `vertical name "${name}" is reserved: the bundle's ${name}/ directory holds the platform-wide files (the one Alertmanager config); rename the vertical`
      findings.push({ ...err('INVALID_VALUE', ['verticals', name], message), at: 'key' })
    }
    const resolved = platform.verticals[name]
    for (const [i, m] of (v.markets ?? []).entries()) {
      findings.push(...reference(['verticals', name, 'markets', i], 'market', m, markets))
    }
    for (const [i, c] of (resolved?.dataClasses ?? []).entries()) {
      const path = v.dataClasses ? ['verticals', name, 'dataClasses', i] : ['verticals', name]
      findings.push(...reference(path, 'data class', c, classes))
    }
    for (const [i, p] of (resolved?.purposes ?? []).entries()) {
      const path = v.purposes ? ['verticals', name, 'purposes', i] : ['verticals', name]
      findings.push(...reference(path, 'purpose', p, purposes))
    }
  }
  for (const [name, p] of Object.entries(config.consent.purposes)) {
    for (const [i, c] of p.dataClasses.entries()) {
      findings.push(...reference(['consent', 'purposes', name, 'dataClasses', i], 'data class', c, classes))
    }
  }
  for (const key of Object.keys(config.cache.ttl))
    findings.push(...reference(['cache', 'ttl', key], 'data class', key, classes, 'key'))
  for (const key of Object.keys(config.cache.cdnTtl))
    findings.push(...reference(['cache', 'cdnTtl', key], 'data class', key, classes, 'key'))
  for (const c of Object.values(platform.dataClasses)) {
    if (c.recordClass) {
      const path = config.dataClasses[c.name]
        ? ['dataClasses', c.name, 'recordClass']
        : ['retention', 'recordClasses']
      findings.push(...reference(path, 'record class', c.recordClass, recordClasses))
    }
  }
  for (const [path, severity] of alertSeverities(config.alerts))
    findings.push(...reference(path, 'severity', severity, severities))
  for (const [name, t] of Object.entries(config.tiers)) {
    if (t.availability >= 100)
      findings.push(
        err(
          'INVALID_VALUE',
          ['tiers', name, 'availability'],
          'an availability of 100% leaves no error budget',
        ),
      )
  }
  return findings
}

type Alerts = Parameters<Rule>[0]['alerts']

/** Every severity an alert names, with its path. */
function alertSeverities(alerts: Alerts): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = []
  for (const [name, alert] of Object.entries(alerts)) {
    if (alert === undefined) continue
    if (Array.isArray(alert)) {
      for (const [i, a] of alert.entries()) out.push([['alerts', name, i, 'severity'], a.severity])
    } else {
      out.push([['alerts', name, 'severity'], alert.severity])
      if ('overdueSeverity' in alert) out.push([['alerts', name, 'overdueSeverity'], alert.overdueSeverity])
    }
  }
  return out
}
