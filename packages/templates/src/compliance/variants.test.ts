import { readFileSync } from 'node:fs'
import { JURISDICTION_FACTS, parse } from '@verticals/config-schema'
import { describe, expect, test } from 'vitest'
import { parseDocument } from 'yaml'
import { validateArtifacts } from '../validate/index'
import { dataMapSchema } from './schemas'
import { rowsStartingWith } from './table-rows'
import { artifactAt, buildVertical, EXAMPLE_CONFIG } from './testing'

// Configs other than the example: the documents follow the config, not the example's shape.

function variant(...edits: [path: (string | number)[], value: unknown][]) {
  const doc = parseDocument(readFileSync(EXAMPLE_CONFIG, 'utf8'))
  for (const [path, value] of edits) {
    if (value === undefined) doc.deleteIn(path)
    else doc.setIn(path, doc.createNode(value))
  }
  const result = parse(doc.toString(), 'platform.yaml')
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.path} ${d.message}`).join('\n'))
  return result.platform
}

describe('without a disaster-recovery region', () => {
  const platform = variant([['regions', 1], undefined])
  const artifacts = buildVertical(platform, 'psychology')

  test('only the primary region is a transfer, and the runbook says there is no DR region', async () => {
    const ropa = artifactAt(artifacts, 'psychology/compliance/records-of-processing.md').content
    expect(rowsStartingWith(ropa, 'AR', 'BR')).toHaveLength(1)
    expect(ropa).not.toContain('stored in us\\-east\\-1')
    expect(ropa).not.toContain('replicated from')
    const dr = artifactAt(artifacts, 'psychology/runbooks/disaster-recovery.md').content
    expect(dr).toContain('No disaster-recovery region is declared')
    const map = dataMapSchema.parse(
      JSON.parse(artifactAt(artifacts, 'psychology/compliance/data-map.json').content),
    )
    for (const c of map.dataClasses)
      for (const s of c.storage) expect(s.regions).toEqual(s.system === 'cdn' ? [] : ['sa-east-1'])
    expect(await validateArtifacts(artifacts)).toEqual([])
  })
})

describe('subjects resident where the primary region is', () => {
  const platform = variant(
    [['dataResidency', 'subjectsCountry'], 'BR'],
    // Mercado Pago, in Argentina, is abroad for Brazilian subjects.
    [['dataResidency', 'transfers', 0], { from: 'BR', to: 'AR', mechanism: 'model-clauses' }],
    [['security', 'waf', 'allowCountries'], ['BR']],
  )

  test('the primary region is no transfer; the DR region still is', () => {
    const ropa = artifactAt(
      buildVertical(platform, 'barber'),
      'barber/compliance/records-of-processing.md',
    ).content
    expect(() => rowsStartingWith(ropa, 'BR', 'BR')).toThrow()
    // LGPD publishes no adequacy list: the DR region needs the declared BR→US transfer.
    const [row] = rowsStartingWith(
      ropa,
      'BR',
      'US',
      'stored in us\\-east\\-1 \\(disaster\\-recovery region\\)',
    )
    expect(row![4]).toBe('model contractual clauses')
  })
})

describe('with GDPR declared as well', () => {
  const platform = variant([['jurisdictions'], ['AR', 'BR', 'EU']])

  test('dsr.md gains a GDPR column counted in months, and every document still validates', async () => {
    const artifacts = buildVertical(platform, 'fitness')
    const dsr = artifactAt(artifacts, 'fitness/compliance/dsr.md').content
    expect(dsr).toContain(
      '| Request | Internal target | AR legal deadline | BR legal deadline | EU legal deadline |',
    )
    expect(rowsStartingWith(dsr, 'erasure')[0]![4]).toBe(
      `${JURISDICTION_FACTS.EU.deadlines.erasure.months} month`,
    )
    const dpia = artifactAt(artifacts, 'fitness/compliance/dpia.md').content
    expect(dpia).toMatch(/\| AR: Ley 25\\\.326 [^|]+ \| no: not listed/)
    expect(await validateArtifacts(artifacts)).toEqual([])
  })
})
