import { describe, expect, test } from 'vitest'
import { markdownInline as md } from '../text/escape'
import { formatDuration as dur } from '../text/format'
import { consentPolicySchema, dataMapSchema, retentionPolicySchema } from './schemas'
import { rowsStartingWith } from './table-rows'
import { artifactAt, buildVertical, examplePlatform } from './testing'

// Policies: each figure equals the resolved config. JSON is parsed and compared field by field; the
// retention schedule is checked row by row, the value in the column of its row.

const platform = examplePlatform()
const names = Object.keys(platform.verticals)
const content = (vertical: string, file: string) =>
  artifactAt(buildVertical(platform, vertical), `${vertical}/${file}`).content

describe.each(names)('%s', (name) => {
  const vertical = platform.verticals[name]!
  const purposes = vertical.purposes.map((p) => platform.consent.purposes[p]!)

  test('retention.json and retention-schedule.md carry every record class with its period and action', () => {
    const policy = retentionPolicySchema.parse(JSON.parse(content(name, 'compliance/retention.json')))
    expect(policy.batchSize).toBe(platform.retention.batchSize)
    expect(policy.runEverySeconds).toBe(platform.retention.runEvery)
    expect(policy.operational).toEqual({
      metricsSeconds: platform.monitoring.retention,
      logsSeconds: platform.monitoring.logRetention,
      databaseBackupsSeconds: platform.dataStores.postgres.backupRetention,
    })
    const schedule = content(name, 'compliance/retention-schedule.md')
    expect(policy.recordClasses.map((rc) => rc.name)).toEqual(Object.keys(platform.retention.recordClasses))
    for (const [rcName, rc] of Object.entries(platform.retention.recordClasses)) {
      const entry = policy.recordClasses.find((r) => r.name === rcName)!
      expect([entry.keepSeconds, entry.action]).toEqual([rc.keep, rc.action])
      const owned = vertical.dataClasses.filter((c) => platform.dataClasses[c]!.recordClass === rcName)
      expect(entry.dataClasses).toEqual(owned)
      const [row] = rowsStartingWith(schedule, md(rcName))
      expect(row!.slice(1, 3)).toEqual([md(dur(rc.keep)), rc.action === 'delete' ? 'deleted' : 'anonymized'])
    }
    expect(schedule).toContain(`runs every ${dur(platform.retention.runEvery)}`)
    expect(schedule).toContain(`batches of ${platform.retention.batchSize} rows`)
    expect(rowsStartingWith(schedule, 'Logs (personal fields redacted)')[0]![1]).toBe(
      dur(platform.monitoring.logRetention),
    )
  })

  test('consent.json lists exactly the purposes the vertical uses, with basis, explicitness and validity', () => {
    const policy = consentPolicySchema.parse(JSON.parse(content(name, 'compliance/consent.json')))
    expect(policy.textVersion).toBe(platform.consent.textVersion)
    expect(policy.maxValiditySeconds).toBe(platform.consent.maxValidity)
    expect(policy.purposes.map((p) => p.name)).toEqual(vertical.purposes)
    for (const [i, p] of purposes.entries()) {
      const out = policy.purposes[i]!
      expect(out).toMatchObject({
        legalBasis: p.legalBasis,
        explicit: p.explicit,
        special: p.special,
        validitySeconds: p.validity,
        validity: dur(p.validity),
        dataClasses: p.dataClasses,
        consentRequired: p.legalBasis === 'consent',
      })
    }
  })

  test('data-map.json: categories, special flags, regions, retention and cache TTLs per data class', () => {
    const map = dataMapSchema.parse(JSON.parse(content(name, 'compliance/data-map.json')))
    const controller = platform.metadata.controller
    expect(map.controller).toEqual({
      name: controller.name,
      country: controller.country,
      contact: controller.contact,
    })
    expect(map.dataClasses.map((c) => c.name)).toEqual(vertical.dataClasses)
    for (const out of map.dataClasses) {
      const c = platform.dataClasses[out.name]!
      expect(out).toMatchObject({
        category: c.category,
        special: c.special,
        specialIn: c.specialIn,
        fields: c.fields,
      })
      expect(out.cache).toEqual({
        ttlSeconds: c.cacheTtl,
        cdnTtlSeconds: c.cdnTtl,
        neverCached: c.cacheTtl === 0 && c.cdnTtl === 0,
      })
      expect(out.purposes).toEqual(purposes.filter((p) => p.dataClasses.includes(c.name)).map((p) => p.name))
      const rc = c.recordClass ? platform.retention.recordClasses[c.recordClass]! : null
      expect(out.retention).toEqual(
        rc ? { recordClass: c.recordClass, keepSeconds: rc.keep, action: rc.action } : null,
      )
      expect(out.storage.map((s) => s.system)).toEqual(c.storage)
      // PostgreSQL and object storage are replicated to the DR region; Redis stays in the primary.
      const both = [platform.primaryRegion.name, platform.drRegion!.name]
      for (const s of out.storage)
        expect(s.regions).toEqual(s.system === 'cdn' ? [] : s.system === 'redis' ? [both[0]] : both)
    }
  })
})
