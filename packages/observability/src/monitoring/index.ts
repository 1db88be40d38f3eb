import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../vertical'
import { alertmanagerConfig } from './alertmanager'
import { dashboard } from './dashboard'
import type { Dashboard } from './dashboard-schema'
import { type RuleSet, ruleSets } from './rules'
import { scrapeConfig } from './scrape'

/** Everything the monitoring bundle of one vertical holds, as plain objects for the serializer. */
export interface MonitoringBuild {
  readonly ruleSets: readonly RuleSet[]
  readonly dashboards: readonly { readonly name: string; readonly dashboard: Dashboard }[]
  readonly scrape: ReturnType<typeof scrapeConfig>
}

/** Builds the monitoring bundle of one vertical: a pure function of the resolved platform. */
export function buildMonitoring(platform: ResolvedPlatform, vertical: Vertical): MonitoringBuild {
  return {
    ruleSets: ruleSets(platform, vertical),
    dashboards: [{ name: 'overview', dashboard: dashboard(platform, vertical) }],
    scrape: scrapeConfig(platform, vertical),
  }
}

/** The platform-wide monitoring files: the one Alertmanager config with every vertical's routes. */
export function buildPlatformMonitoring(platform: ResolvedPlatform): {
  alertmanager: Record<string, unknown>
} {
  return { alertmanager: alertmanagerConfig(platform) }
}
