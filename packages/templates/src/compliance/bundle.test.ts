import { type ResolvedVertical, TRANSFER_SOURCES } from '@verticals/config-schema'
import { describe, expect, test } from 'vitest'
import { generatedHeader } from '../header'
import { exampleSource } from '../infrastructure/testing'
import { createTextEngine } from '../text/engine'
import { markdownInline } from '../text/escape'
import { formatDuration } from '../text/format'
import { validateArtifacts } from '../validate/index'
import { complianceBundle } from './index'
import { migrationFileName } from './migrations'
import { artifactAt, buildVertical, examplePlatform, TEST_MIGRATIONS } from './testing'

const platform = examplePlatform()
const FILES = [
  'compliance/consent.json',
  'compliance/data-map.json',
  'compliance/dsr.md',
  'compliance/migrations/001-consent.sql',
  'compliance/migrations/002-audit.sql',
  'compliance/records-of-processing.csv',
  'compliance/records-of-processing.json',
  'compliance/records-of-processing.md',
  'compliance/retention-schedule.md',
  'compliance/retention.json',
  'runbooks/disaster-recovery.md',
  'runbooks/incident-response.md',
]

describe('the compliance bundle of the example', () => {
  test.each([
    ['barber', false],
    ['psychology', true],
    ['beauty', false],
    ['fitness', true],
  ])('%s: every file, with a DPIA: %s', (name, dpia) => {
    const paths = buildVertical(platform, name).map((a) => a.path.slice(name.length + 1))
    expect(platform.verticals[name]!.dpiaRequired).toBe(dpia)
    expect(paths.sort()).toEqual([...FILES, ...(dpia ? ['compliance/dpia.md'] : [])].sort())
  })

  test('every artifact has its manifest kind and passes the compliance validator', async () => {
    const all = Object.keys(platform.verticals).flatMap((name) => buildVertical(platform, name))
    const kinds = new Set(all.map((a) => `${a.path.split('.').pop()} ${a.kind}`))
    expect([...kinds].sort()).toEqual([
      'csv compliance-document',
      'json compliance-policy',
      'md compliance-document',
      'md runbook',
      'sql sql-migration',
    ])
    for (const a of all.filter((a) => a.kind === 'runbook')) expect(a.path).toMatch(/^[a-z]+\/runbooks\//)
    expect(await validateArtifacts(all)).toEqual([])
  })

  test('two builds give the same bytes', () => {
    const first = buildVertical(platform, 'psychology')
    const second = buildVertical(examplePlatform(), 'psychology', createTextEngine())
    expect(second).toEqual(first)
  })

  test('a migration file is the header, a note naming the runtime migration, then its SQL', () => {
    const sql = artifactAt(
      buildVertical(platform, 'barber'),
      'barber/compliance/migrations/002-audit.sql',
    ).content
    expect(sql.startsWith(generatedHeader('sql'))).toBe(true)
    expect(sql).toContain('-- migration 0002_audit of @verticals/core')
    expect(sql.endsWith(`${TEST_MIGRATIONS[1]!.sql}\n`)).toBe(true)
  })

  test('migration names map to NNN-name.sql in apply order, and an unsafe name is refused', () => {
    expect(migrationFileName(0, '0001_consent')).toBe('001-consent.sql')
    expect(migrationFileName(11, 'add_holds')).toBe('012-add-holds.sql')
    expect(() => migrationFileName(0, '../../etc/passwd')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    expect(() => migrationFileName(0, 'a\n-- b')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    const twice = [TEST_MIGRATIONS[0]!, TEST_MIGRATIONS[0]!]
    expect(
      buildVertical(platform, 'barber', createTextEngine(), twice).filter((a) => a.kind === 'sql-migration'),
    ).toHaveLength(2)
  })

  test('a vertical name that could leave the bundle directory is refused', () => {
    const vertical = { ...platform.verticals.barber!, name: '../barber' } as ResolvedVertical
    expect(() =>
      complianceBundle({
        platform,
        vertical,
        source: exampleSource(),
        text: createTextEngine(),
        migrations: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })

  test('an alert whose severity is not declared is refused, naming the alert', () => {
    const alerts = { ...platform.alerts, cpu: { ...platform.alerts.cpu, severity: 'sev9' } }
    const broken = { ...platform, alerts } as typeof platform
    expect(() => buildVertical(broken, 'barber')).toThrow(/alerts\.cpu uses severity "sev9"/)
  })
})

test('the record of processing names the AR -> BR, AR -> US and BR -> US transfers with mechanism and source', () => {
  const doc = artifactAt(
    buildVertical(platform, 'barber'),
    'barber/compliance/records-of-processing.md',
  ).content
  const row = (...cells: string[]) => `| ${cells.map((c) => markdownInline(c)).join(' | ')} |`
  const classes = 'user-profiles, bookings, payments'
  const clauses = 'model contractual clauses'
  expect(doc).toContain(
    row(
      'AR',
      'BR',
      'stored in sa-east-1 (primary region)',
      classes,
      clauses,
      TRANSFER_SOURCES.AR['model-clauses'],
      'Cláusulas modelo AAIP con AWS, contrato 2026-01',
    ),
  )
  expect(doc).toContain(row('AR', 'US', 'stored in us-east-1 (disaster-recovery region)', classes, clauses))
  expect(doc).toContain(
    row(
      'BR',
      'US',
      'replicated from sa-east-1 to us-east-1 (disaster recovery)',
      classes,
      clauses,
      TRANSFER_SOURCES.BR['model-clauses'],
    ),
  )
})

describe('fitness and psychology DPIAs', () => {
  test('fitness: biometrics are special under LGPD and GDPR but not listed by Ley 25.326', () => {
    const dpia = artifactAt(buildVertical(platform, 'fitness'), 'fitness/compliance/dpia.md').content
    expect(dpia).toMatch(/\| BR: Lei Geral de Proteção de Dados .* \| yes \|/)
    expect(dpia).toMatch(/\| EU: General Data Protection Regulation .* \| yes \|/)
    expect(dpia).toMatch(
      /\| AR: Ley 25\\\.326 .* \| no: not listed among sensitive data; the platform treats it as special anyway \|/,
    )
    expect(dpia).toContain('never written to Redis')
  })

  test('psychology: health data is special under all three laws and never cached', () => {
    const dpia = artifactAt(buildVertical(platform, 'psychology'), 'psychology/compliance/dpia.md').content
    for (const code of ['AR', 'BR', 'EU']) expect(dpia).toMatch(new RegExp(`\\| ${code}: .* \\| yes \\|`))
    expect(dpia).not.toContain('not listed among sensitive data')
    const validity = formatDuration(platform.consent.purposes['health-care']!.validity)
    expect(dpia).toContain(
      `| health\\-care | Provide psychological care and keep its clinical record | consent of the data subject | yes | ${validity} |`,
    )
  })
})
