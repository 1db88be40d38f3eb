import type { ResolvedPlatform } from './resolved'
import { breachTargets } from './rules/breach'
import { budgets } from './rules/budgets'
import { minMax, trafficShares } from './rules/capacity'
import { consentRules } from './rules/consent'
import { redisNodes } from './rules/data-stores'
import { edge } from './rules/edge'
import { monitoringConsistency } from './rules/monitoring'
import { npmNames } from './rules/npm'
import { dsrDeadlines, specialNeverCached, transfers } from './rules/privacy'
import { recordsOfProcessing } from './rules/records'
import { references } from './rules/references'
import { regions } from './rules/regions'
import { retentionDuties } from './rules/retention'
import type { Rule, RuleFinding } from './rules/shared'
import { storageCeiling } from './rules/storage'
import { tenancy } from './rules/tenancy'
import { windows } from './rules/windows'
import type { PlatformConfig } from './schema/platform'

export type { RuleFinding } from './rules/shared'

const RULES: readonly Rule[] = [
  regions,
  trafficShares,
  minMax,
  budgets,
  redisNodes,
  windows,
  specialNeverCached,
  dsrDeadlines,
  breachTargets,
  transfers,
  recordsOfProcessing,
  consentRules,
  retentionDuties,
  references,
  npmNames,
  storageCeiling,
  tenancy,
  edge,
  monitoringConsistency,
]

/** Runs every cross-field rule; each finding names the config path that explains it. */
export function checkRules(config: PlatformConfig, platform: ResolvedPlatform): RuleFinding[] {
  return RULES.flatMap((rule) => rule(config, platform))
}
