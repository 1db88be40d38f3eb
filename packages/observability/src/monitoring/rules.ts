import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../vertical'
import { auditAnchorStale } from './alerts-audit'
import { sliMissing, watchdog } from './alerts-blind'
import { breachNotification } from './alerts-breach'
import { databaseCpu, poolSaturation } from './alerts-database'
import { serviceDown, storeDown } from './alerts-down'
import { errorCount, errorRate, latency } from './alerts-http'
import { paymentSuccess, retentionStale } from './alerts-operations'
import { cpu, memory } from './alerts-pods'
import { cacheHitRate, dsrDeadline } from './alerts-privacy'
import { monitoringContext } from './context'
import { promDuration } from './promql'
import { type RuleTestFile, ruleTestFile } from './rule-tests'
import { burnRateFamily, fastQueryRules, sloBudgetRules, sloRecordingRules } from './slo-rules'
import type { AlertFamily, RuleFile } from './types'

/** One rule file of the bundle and the promtool test files that exercise it. */
export interface RuleSet {
  /** File name stem: `<name>.rules.yaml`, `<name>[-<interval>].test.yaml`. */
  readonly name: string
  readonly rules: RuleFile
  readonly tests: readonly { readonly name: string; readonly file: RuleTestFile }[]
  readonly families: readonly AlertFamily[]
}

/** Every threshold alert of `alerts` in platform.yaml, for one vertical. */
export function alertFamilies(platform: ResolvedPlatform, vertical: Vertical): AlertFamily[] {
  const ctx = monitoringContext(platform, vertical)
  return [
    serviceDown(ctx),
    storeDown(ctx, 'postgres'),
    storeDown(ctx, 'redis'),
    latency(ctx),
    errorRate(ctx),
    errorCount(ctx),
    cpu(ctx),
    memory(ctx),
    databaseCpu(ctx),
    poolSaturation(ctx),
    cacheHitRate(ctx),
    dsrDeadline(ctx),
    breachNotification(ctx),
    retentionStale(ctx),
    auditAnchorStale(ctx),
    paymentSuccess(ctx),
    sliMissing(ctx),
    watchdog(ctx),
  ]
}

// Families with the same test sample interval share a test file (promtool has one evaluation interval per file).
function testsFor(name: string, families: readonly AlertFamily[]) {
  const evaluation = (f: AlertFamily) => f.evaluation
  const intervals = [...new Set(families.map(evaluation))].sort((a, b) => a - b)
  return intervals.map((interval, i) => ({
    name: i === 0 ? `${name}.test.yaml` : `${name}-${promDuration(interval)}.test.yaml`,
    file: ruleTestFile(
      [`${name}.rules.yaml`],
      families.filter((f) => evaluation(f) === interval),
      interval,
    ),
  }))
}

/** The rule sets of one vertical: threshold alerts, and SLO recording rules with burn-rate alerts. */
export function ruleSets(platform: ResolvedPlatform, vertical: Vertical): RuleSet[] {
  const ctx = monitoringContext(platform, vertical)
  const alerts = alertFamilies(platform, vertical)
  const burn = [burnRateFamily(ctx, 'availability'), burnRateFamily(ctx, 'latency')]
  const prefix = `verticals-${vertical.name}`
  return [
    {
      name: 'alerts',
      rules: { groups: [{ name: `${prefix}-alerts`, rules: alerts.flatMap((f) => f.rules) }] },
      tests: testsFor('alerts', alerts),
      families: alerts,
    },
    {
      name: 'slo',
      rules: {
        groups: [
          { name: `${prefix}-slo-recordings`, rules: sloRecordingRules(ctx) },
          { name: `${prefix}-slo-budget`, rules: sloBudgetRules(ctx) },
          { name: `${prefix}-slo-alerts`, rules: burn.flatMap((f) => f.rules) },
          { name: `${prefix}-database-recordings`, rules: fastQueryRules(ctx) },
        ],
      },
      tests: testsFor('slo', burn),
      families: burn,
    },
  ]
}
