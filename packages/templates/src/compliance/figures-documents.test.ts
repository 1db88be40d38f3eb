import { TRANSFER_SOURCES } from '@verticals/config-schema'
import { burnRateSeverities, maintenanceIntervals, RETENTION_STALE_FACTOR } from '@verticals/observability'
import { describe, expect, test } from 'vitest'
import { markdownInline as md } from '../text/escape'
import { formatDuration as dur, formatPercent } from '../text/format'
import { rowsStartingWith } from './table-rows'
import { artifactAt, buildVertical, examplePlatform } from './testing'

// Documents and runbooks: each figure equals the resolved config, checked row by row (the value in the
// column of its row) or in the sentence that states it.

const platform = examplePlatform()
const names = Object.keys(platform.verticals)
const content = (vertical: string, file: string) =>
  artifactAt(buildVertical(platform, vertical), `${vertical}/${file}`).content

describe.each(names)('%s', (name) => {
  const vertical = platform.verticals[name]!
  const purposes = vertical.purposes.map((p) => platform.consent.purposes[p]!)

  test('records-of-processing.md: purposes, transfers with mechanism, retention and security settings', () => {
    const doc = content(name, 'compliance/records-of-processing.md')
    for (const p of purposes) {
      const [row] = rowsStartingWith(doc, md(p.name))
      expect(row![3]).toBe(p.explicit ? 'yes' : 'no')
      expect(row![4]).toBe(p.legalBasis === 'consent' ? md(dur(p.validity)) : 'not consent-based')
    }
    const { dataResidency, primaryRegion, drRegion } = platform
    const stored = (region: string, role: string) =>
      rowsStartingWith(doc, md(dataResidency.subjectsCountry))
        .filter((row) => row[2] === md(`stored in ${region} (${role} region)`))
        .at(0)
    const primary = stored(primaryRegion.name, 'primary')
    const dr = stored(drRegion!.name, 'disaster-recovery')
    for (const [row, region, declared] of [
      [primary, primaryRegion, dataResidency.transfers[0]!],
      [dr, drRegion!, dataResidency.transfers[1]!],
    ] as const) {
      expect(row?.[1]).toBe(md(region.country))
      expect(row?.[4]).toBe('model contractual clauses')
      expect(row?.[5]).toBe(md(TRANSFER_SOURCES.AR['model-clauses']))
      expect(row?.[6]).toBe(md(declared.reference!))
    }
    expect(doc).toContain(`lags the primary by at most ${dur(dataResidency.replicationLag)}`)
    const limit = platform.security.waf.rateLimits[0]!
    expect(rowsStartingWith(doc, 'Rate limit')[0]![1]).toBe(
      `${limit.requests} requests per ${dur(limit.window)} on ${md(limit.path)}`,
    )
    // A target, not a measure a generated resource enforces: stated as such, outside the measures table.
    expect(doc).toContain(`Breach detection target: within ${dur(platform.incidents.breachDetection)}`)
    expect(rowsStartingWith(doc, 'Encryption at rest')[0]![1]).toBe(md(platform.security.encryptionAtRest))
    for (const c of vertical.dataClasses.map((n) => platform.dataClasses[n]!).filter((c) => c.recordClass)) {
      const rc = platform.retention.recordClasses[c.recordClass!]!
      expect(rowsStartingWith(doc, md(c.name), md(c.recordClass))[0]![2]).toBe(md(dur(rc.keep)))
    }
  })

  test('dsr.md: the internal target and each declared law’s deadline per request kind', () => {
    const doc = content(name, 'compliance/dsr.md')
    for (const kind of ['access', 'rectification', 'erasure'] as const) {
      const [row] = rowsStartingWith(doc, kind)
      const laws = platform.jurisdictions.map((j) => {
        const d = j.deadlines[kind]
        return d.months ? `${d.months} month` : `${d.days} ${d.business ? 'business' : 'calendar'} days`
      })
      expect(row).toEqual([kind, dur(platform.dsr.deadlines[kind]), ...laws])
    }
    expect(doc).toContain(`once ${formatPercent(platform.dsr.warnAt)} of the time`)
  })

  test('incident-response.md: severity matrix, windows and each alert’s figures', () => {
    const doc = content(name, 'runbooks/incident-response.md')
    for (const [sev, s] of Object.entries(platform.incidents.severities))
      expect(rowsStartingWith(doc, md(sev))[0]!.slice(2)).toEqual([
        dur(s.respondWithin),
        s.escalation.map(md).join(' → '),
      ])
    const intervals = new Map(maintenanceIntervals(platform).map((w) => [w.name, w]))
    const muted = {
      all: 'all alerts',
      database: 'database alerts',
      none: 'none\\: silence by hand if needed',
    }
    for (const win of Object.keys(platform.maintenance.windows)) {
      const w = intervals.get(`maintenance-${win}`)!
      // Only the severities the window mutes (by default never the most urgent one).
      const expected =
        w.mutes === 'none' ? muted.none : `${muted[w.mutes]} of severity ${w.severities.join(', ')}`
      expect(rowsStartingWith(doc, md(win))[0]![6]).toBe(expected)
    }
    for (const [win, w] of Object.entries(platform.maintenance.windows))
      expect(rowsStartingWith(doc, md(win))[0]!.slice(1, 4)).toEqual([
        w.days.join(', '),
        md(w.start),
        md(w.end),
      ])
    for (const l of platform.alerts.latency)
      expect(rowsStartingWith(doc, dur(l.threshold), dur(l.for))[0]![2]).toBe(md(l.severity))
    const a = platform.alerts
    expect(doc).toContain(
      `more than ${formatPercent(a.errorRate.threshold)} of requests fail for ${dur(a.errorRate.for)}`,
    )
    expect(doc).toContain(`after the latency objective of ${dur(platform.slo.latencyP95)}`)
    expect(doc).toContain(
      `more than ${a.errorCount.threshold} server errors happen within ${dur(a.errorCount.window)}`,
    )
    expect(doc).toContain(
      `at least ${platform.dataStores.postgres.pool.alarmAt} of its ${platform.dataStores.postgres.pool.max} database connections`,
    )
    expect(doc).toContain(
      `below ${formatPercent(platform.dataStores.redis.hitRateTarget)} for ${dur(a.cacheHitRate.for)}`,
    )
    const stale = RETENTION_STALE_FACTOR * platform.retention.runEvery
    expect(doc).toContain(
      `purged successfully for ${dur(stale)}, ${RETENTION_STALE_FACTOR} times the job's interval of ${dur(platform.retention.runEvery)}`,
    )
    const { page, ticket } = burnRateSeverities(platform)
    const [p, t] = [platform.incidents.severities[page]!, platform.incidents.severities[ticket]!]
    expect(doc).toContain(`of a page: ${md(page)}, respond within ${dur(p.respondWithin)}`)
    expect(doc).toContain(`Of a ticket: ${md(ticket)}, respond within ${dur(t.respondWithin)}.`)
    const { timeout, circuitBreaker } = platform.cache
    expect(doc).toContain(`calls slower than ${dur(timeout)} (\`cache.timeout\`) count as failures`)
    expect(doc).toContain(
      `after ${circuitBreaker.failures} failures in a row a circuit breaker stops calling Redis for ${dur(circuitBreaker.cooldown)}`,
    )
    expect(doc).toContain(
      `fewer than ${formatPercent(platform.monitoring.business.paymentSuccessRate)} of the payment attempts of the last ${dur(platform.alerts.paymentSuccess.for)} succeeded, once that window holds at least ${platform.alerts.paymentSuccess.minPayments} attempts`,
    )
    expect(doc).toContain(
      `breach of personal data must be detected within ${dur(platform.incidents.breachDetection)}`,
    )
  })

  test('disaster-recovery.md: RTO and RPO per layer, test cadence and regions', () => {
    const doc = content(name, 'runbooks/disaster-recovery.md')
    const { rto, rpo, tests } = platform.disasterRecovery
    expect(rowsStartingWith(doc, 'Database')[0]!.slice(1)).toEqual([dur(rto.database), dur(rpo.database)])
    expect(rowsStartingWith(doc, 'Application')[0]![1]).toBe(dur(rto.application))
    expect(rowsStartingWith(doc, 'File storage')[0]![2]).toBe(dur(rpo.fileStorage))
    expect(rowsStartingWith(doc, 'Configuration')[0]![2]).toBe(dur(rpo.configuration))
    expect(rowsStartingWith(doc, 'Full system')[0]![1]).toBe(dur(rto.fullSystem))
    expect(rowsStartingWith(doc, 'Database failover')[0]![1]).toBe(tests.databaseFailover)
    expect(rowsStartingWith(doc, 'Application recovery')[0]![1]).toBe(tests.applicationRecovery)
    expect(rowsStartingWith(doc, 'Full simulation')[0]![1]).toBe(tests.fullSimulation)
    expect(rowsStartingWith(doc, md(platform.primaryRegion.name), 'primary')[0]![2]).toBe(
      platform.primaryRegion.country,
    )
    expect(rowsStartingWith(doc, md(platform.drRegion!.name), 'disaster recovery')[0]![2]).toBe(
      platform.drRegion!.country,
    )
    expect(doc).toContain(`overall recovery time objective is ${dur(rto.target)}`)
    expect(doc).toContain(`with a lag of at most ${dur(platform.dataResidency.replicationLag)}`)
  })
})
