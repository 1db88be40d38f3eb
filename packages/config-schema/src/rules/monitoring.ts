import type { ResolvedPlatform } from '../resolved'
import { err, formatSeconds, type Rule, type RuleFinding } from './shared'

// The alerts that detect an outage: each must be able to fire within slo.mttd (its `for:` after the
// scrape that first sees the fault), or the objective is a promise no generated alert keeps.
const DETECTORS = ['serviceDown', 'postgresDown', 'redisDown', 'errorRate'] as const

function slowestScrape(platform: ResolvedPlatform): number {
  const workloads = Object.values(platform.verticals).flatMap((v) => Object.values(v.workloads))
  return Math.max(platform.monitoring.scrapeInterval, ...workloads.map((w) => w.scrapeInterval))
}

/**
 * Monitoring settings that contradict each other: an outage alert that cannot fire within `slo.mttd`,
 * `slo.mttr` shorter than `slo.mttd` (recovery starts with detection), and an error-rate alert
 * threshold below `slo.errorRate` (it would page while the objective holds).
 */
export const monitoringConsistency: Rule = (_config, platform) => {
  const { slo, alerts } = platform
  const scrape = slowestScrape(platform)
  const findings: RuleFinding[] = DETECTORS.flatMap((name) => {
    const detected = alerts[name].for + scrape
    if (detected <= slo.mttd) return []
    return [
      err(
        'DETECTION_TOO_SLOW',
        ['alerts', name, 'for'],
        `alerts.${name} fires ${formatSeconds(detected)} after an outage starts (for: ${formatSeconds(alerts[name].for)} after a ${formatSeconds(scrape)} scrape), later than slo.mttd ${formatSeconds(slo.mttd)}: shorten its for: to at most ${formatSeconds(Math.max(0, slo.mttd - scrape))} or raise slo.mttd`,
      ),
    ]
  })
  if (slo.mttr < slo.mttd)
    findings.push(
      err(
        'DETECTION_TOO_SLOW',
        ['slo', 'mttr'],
        `slo.mttr ${formatSeconds(slo.mttr)} is shorter than slo.mttd ${formatSeconds(slo.mttd)}, and recovery includes detection: raise mttr or lower mttd`,
      ),
    )
  if (alerts.errorRate.threshold < slo.errorRate)
    findings.push(
      err(
        'DETECTION_TOO_SLOW',
        ['alerts', 'errorRate', 'threshold'],
        `alerts.errorRate.threshold ${alerts.errorRate.threshold}% is below slo.errorRate ${slo.errorRate}%: it would page while the objective holds; raise it to at least ${slo.errorRate}%`,
      ),
    )
  return findings
}
