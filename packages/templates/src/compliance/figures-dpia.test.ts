import { describe, expect, test } from 'vitest'
import { markdownInline as md } from '../text/escape'
import { formatDuration as dur } from '../text/format'
import { rowsStartingWith } from './table-rows'
import { artifactAt, buildVertical, examplePlatform } from './testing'

// DPIA figures equal the resolved config: for each special data class, its laws, caching and retention;
// for each purpose that processes special data, its basis and validity; the security settings.

const platform = examplePlatform()
const dpiaVerticals = Object.values(platform.verticals).filter((v) => v.dpiaRequired)

test('the example has two verticals that need a DPIA', () => {
  expect(dpiaVerticals.map((v) => v.name)).toEqual(['psychology', 'fitness'])
})

describe.each(dpiaVerticals.map((v) => v.name))('%s', (name) => {
  const vertical = platform.verticals[name]!
  const doc = artifactAt(buildVertical(platform, name), `${name}/compliance/dpia.md`).content
  const special = vertical.dataClasses.map((c) => platform.dataClasses[c]!).filter((c) => c.special)

  test('each special class: the laws that make it special, and those that do not', () => {
    expect(special.length).toBeGreaterThan(0)
    for (const c of special) {
      expect(doc).toContain(`### ${md(c.name)}`)
      for (const code of c.specialIn) expect(doc).toMatch(new RegExp(`\\| ${code}: [^|]+ \\| yes \\|`))
      for (const j of platform.jurisdictions.filter((j) => !c.specialIn.includes(j.code)))
        expect(rowsStartingWith(doc, `${j.code}: ${md(j.law)}`)[0]![1]).toMatch(/^no: not listed/)
    }
  })

  test('each special class: caching and retention as configured', () => {
    for (const c of special) {
      const cache = rowsStartingWith(doc, 'Redis cache').map((r) => r[1])
      expect(cache).toContain(c.cacheTtl === 0 ? 'never written to Redis' : `cached for ${dur(c.cacheTtl)}`)
      const rc = platform.retention.recordClasses[c.recordClass!]!
      const retention = rowsStartingWith(doc, 'Retention').map((r) => r[1])
      const action = rc.action === 'delete' ? 'deleted' : 'anonymized'
      expect(retention).toContain(`${md(dur(rc.keep))}, then ${action} (record class ${md(c.recordClass)})`)
    }
  })

  test('purposes that process special data: explicit consent and its validity', () => {
    for (const p of vertical.purposes.map((n) => platform.consent.purposes[n]!).filter((p) => p.special)) {
      const [row] = rowsStartingWith(doc, md(p.name))
      expect(row!.slice(3)).toEqual([p.explicit ? 'yes' : 'no', md(dur(p.validity))])
    }
  })

  test('security settings and transfers', () => {
    expect(doc).toContain(`Breach detection target: within ${dur(platform.incidents.breachDetection)}`)
    expect(rowsStartingWith(doc, 'Interception in transit')[0]![2]).toBe(
      `${md(platform.security.tls.minVersion)} or later`,
    )
    expect(rowsStartingWith(doc, 'Access from outside the market')[0]![2]).toBe(
      platform.security.waf.allowCountries.join(', '),
    )
    const from = platform.dataResidency.subjectsCountry
    expect(
      rowsStartingWith(doc, from, platform.primaryRegion.country, md(platform.primaryRegion.name)),
    ).toHaveLength(1)
    expect(rowsStartingWith(doc, from, platform.drRegion!.country, md(platform.drRegion!.name))).toHaveLength(
      1,
    )
  })
})
