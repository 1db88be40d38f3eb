import { JURISDICTION_FACTS, JURISDICTIONS, TRANSFER_SOURCES } from '@verticals/config-schema'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Artifact } from '../artifact'
import { markdownInline as md } from '../text/escape'
import { parseCsv, toCsv } from './csv'
import { REGISTER_COLUMNS, registerCells } from './records-register'
import { type RecordsPolicy, recordsPolicySchema } from './schemas'
import { tableRows } from './table-rows'
import { artifactAt, buildVertical, examplePlatform } from './testing'

// The done-when of issue 14: the records of processing of all four verticals list every recipient and
// transfer of the example config with their sources, and the CSV reads back as the same rows.

const platform = examplePlatform()
const names = Object.keys(platform.verticals)
const SECTIONS = new Set([
  'controller',
  'dpo',
  'aaip-registration',
  'data-subjects',
  'purpose',
  'recipient',
  'transfer',
  'retention',
  'security',
])
const bundles = new Map<string, Artifact[]>()
const jurisdictionOfCountry = (country: string) =>
  JURISDICTIONS.find((code) => JURISDICTION_FACTS[code].countries.includes(country))
const file = (name: string, suffix: string) =>
  artifactAt(bundles.get(name) as Artifact[], `${name}/compliance/records-of-processing.${suffix}`).content
const policyOf = (name: string): RecordsPolicy => recordsPolicySchema.parse(JSON.parse(file(name, 'json')))

beforeAll(() => {
  for (const name of names) bundles.set(name, buildVertical(platform, name))
})

/** The config's recipients a vertical uses, worked out from platform.yaml, not from the generator. */
function expectedRecipients(name: string): string[] {
  const vertical = platform.verticals[name]!
  const personal = vertical.dataClasses.filter((c) => platform.dataClasses[c]!.personal)
  return Object.values(platform.recipients)
    .filter((r) => !r.verticals || r.verticals.includes(name))
    .filter((r) => r.receives === 'all' || r.receives.some((c) => personal.includes(c)))
    .map((r) => r.name)
}

describe.each(names)('%s', (name) => {
  test('lists each of its recipients with what it receives, why, and the source of its transfer', () => {
    const policy = policyOf(name)
    const rows = policy.register.filter((r) => r.section === 'recipient')
    expect(rows.map((r) => r.entry).sort()).toEqual(expectedRecipients(name).sort())
    for (const r of Object.values(platform.recipients).filter((r) =>
      expectedRecipients(name).includes(r.name),
    )) {
      const row = rows.find((x) => x.entry === r.name)!
      expect(row.country).toBe(r.country)
      expect(row.details).toBe(r.purpose)
      expect(row.dataClasses).not.toBe('')
      expect(row.source.startsWith(r.contract ?? 'no contract declared')).toBe(true)
      const law = jurisdictionOfCountry(platform.dataResidency.subjectsCountry)!
      if (r.country !== platform.dataResidency.subjectsCountry)
        expect(row.source).toContain(TRANSFER_SOURCES[law]['model-clauses'])
    }
  })

  test('lists every transfer of the config (AR→BR, AR→US, BR→US) with its mechanism, source and reference', () => {
    const rows = policyOf(name).register.filter((r) => r.section === 'transfer')
    for (const t of platform.dataResidency.transfers) {
      const matching = rows.filter((r) => r.entry === `${t.from}→${t.to}`)
      expect(matching.length, `${t.from}→${t.to}`).toBeGreaterThan(0)
      const law = jurisdictionOfCountry(t.from)!
      for (const row of matching) {
        expect(row.basis).toBe('model contractual clauses')
        expect(row.source).toBe(TRANSFER_SOURCES[law][t.mechanism!])
        expect(row.details).toContain(t.reference!)
      }
    }
    // Every row is covered by a declared transfer: nothing leaves a country unaccounted for.
    for (const row of rows) expect(row.source).not.toBe('none declared')
  })

  test('names the DPO, the AAIP registration and the data subjects, with sources', () => {
    const { register, controller } = policyOf(name)
    const { dpo, aaipRegistration } = platform.metadata.controller
    expect(controller.dpo).toEqual(dpo)
    expect(register.find((r) => r.section === 'dpo')).toMatchObject({
      entry: dpo!.name,
      source: expect.stringMatching(/^LGPD art\. 41/),
    })
    expect(register.find((r) => r.section === 'aaip-registration')).toMatchObject({
      entry: aaipRegistration,
      source: expect.stringMatching(/^Ley 25\.326 art\. 21/),
    })
    expect(register.filter((r) => r.section === 'data-subjects').map((r) => r.entry)).toEqual(
      platform.verticals[name]!.dataSubjects,
    )
    for (const r of register.filter((r) => r.section === 'retention'))
      expect(r.source).not.toMatch(/^not stated/)
  })

  test('the CSV reads back as the JSON register and the Markdown register table', () => {
    const policy = policyOf(name)
    const [header, ...rows] = parseCsv(file(name, 'csv'))
    expect(header).toEqual([...REGISTER_COLUMNS])
    expect(policy.columns).toEqual([...REGISTER_COLUMNS])
    expect(rows).toEqual(policy.register.map(registerCells))
    const markdown = tableRows(file(name, 'md')).filter(
      (cells) => cells.length === 7 && [...SECTIONS].some((s) => md(s) === cells[0]),
    )
    expect(markdown).toEqual(policy.register.map((r) => registerCells(r).map((c) => md(c))))
  })
})

test('across the four verticals every recipient of the config appears', () => {
  const listed = new Set(names.flatMap((name) => policyOf(name).recipients.map((r) => r.key)))
  expect([...listed].sort()).toEqual(Object.keys(platform.recipients).sort())
  expect(JURISDICTION_FACTS.AR.adequateCountries).not.toContain('US')
})

test('the CSV quotes a field with a comma, a quote or a line break, and only those (RFC 4180)', () => {
  const csv = file('beauty', 'csv')
  expect(csv).toContain('"Meta Platforms, Inc. (Instagram, Facebook)"')
  expect(csv).toContain('\nrecipient,Twilio Inc.,')
  const tricky = [['a,b', 'say "hi"', 'line\nbreak', 'plain', '']]
  expect(toCsv(tricky)).toBe('"a,b","say ""hi""","line\nbreak",plain,\n')
  expect(parseCsv(toCsv(tricky))).toEqual(tricky)
  expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ])
  expect(() => parseCsv('"open,field\n')).toThrow(/unterminated/)
  expect(() => parseCsv('a"b,c\n')).toThrow(/quote inside an unquoted field/)
})
