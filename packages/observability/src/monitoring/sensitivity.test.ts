import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing/example'
import { verticalOf } from '../vertical'
import { buildMonitoring, buildPlatformMonitoring } from './index'

const platform = examplePlatform()
// The vertical's files and the platform-wide Alertmanager config that routes its alerts.
const bundle = (p: typeof platform) =>
  JSON.stringify([buildMonitoring(p, verticalOf(p, 'barber')), buildPlatformMonitoring(p)])
const baseline = bundle(platform)

// A copy of the platform with one setting changed.
function withSetting(path: readonly string[], value: unknown): typeof platform {
  const copy = structuredClone(platform) as unknown as Record<string, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>
  node[path.at(-1) as string] = value
  return copy as unknown as typeof platform
}

// Every monitoring setting that drives the bundle, with a changed value (slowQuery and
// fastQueryTarget drive the fast-query recording and its dashboard panel). (slo.mttd, slo.mttr and
// slo.errorRate are checked against these at validate time instead: see config-schema's
// rules/monitoring.ts.)
const SETTINGS: readonly (readonly [string, unknown])[] = [
  ['alerts.serviceDown.for', 30],
  ['alerts.postgresDown.for', 30],
  ['alerts.redisDown.for', 30],
  ['alerts.errorRate.threshold', 2],
  ['alerts.errorRate.for', 120],
  ['alerts.paymentSuccess.for', 1800],
  ['alerts.paymentSuccess.minPayments', 50],
  ['slo.period', 7 * 86_400],
  ['slo.availability', 99.5],
  ['slo.latencyP95', 0.3],
  ['monitoring.scrapeInterval', 30],
  ['dataStores.postgres.slowQuery', 0.25],
  ['dataStores.postgres.fastQueryTarget', 99],
  ['monitoring.exporters.postgres.port', 19187],
  ['monitoring.exporters.redis.port', 19121],
  ['monitoring.deadMansSwitch', { repeatInterval: 300 }],
  ['monitoring.deadMansSwitch', { repeatInterval: 60, url: 'https://hc-ping.com/x' }],
  ['monitoring.grouping', { wait: 10, interval: 300 }],
  ['monitoring.runbookBaseUrl', 'https://runbooks.example.com'],
  ['monitoring.cluster', 'prod-a'],
  ['monitoring.business.paymentSuccessRate', 90],
  ['incidents.receivers', { 'on-call': { type: 'pagerduty' } }],
]

describe('the monitoring bundle', () => {
  it.each(SETTINGS)('changes when %s changes', (path, value) => {
    expect(bundle(withSetting(path.split('.'), value))).not.toBe(baseline)
  })
})
