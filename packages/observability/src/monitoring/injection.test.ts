import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../testing/costs'
import { examplePlatform } from '../testing/example'
import { verticalOf } from '../vertical'
import { ruleSets } from './rules'

// Annotations are Go templates: config text with `{{` must print as text, never run. YAML is a
// superset of JSON, so the files are written as JSON and promtool reads them as it reads YAML.
const base = examplePlatform()
const barber = verticalOf(base, 'barber')
const hostile = {
  ...base,
  markets: { ...base.markets, cordoba: { ...base.markets.cordoba, city: 'Cór{{ .Labels }}doba' } },
  verticals: { ...base.verticals, barber: { ...barber, displayName: 'Barber {{ $value }} "quoted"' } },
} as typeof base
const dir = mkdtempSync(join(tmpdir(), 'verticals-injection-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('config text in annotations', () => {
  const sets = ruleSets(hostile, verticalOf(hostile, 'barber'))
  for (const set of sets) {
    writeFileSync(join(dir, `${set.name}.rules.yaml`), JSON.stringify(set.rules))
    for (const test of set.tests) writeFileSync(join(dir, test.name), JSON.stringify(test.file))
  }

  it('is escaped in the rules', () => {
    const summaries = sets.flatMap((s) =>
      s.families.flatMap((f) => f.rules.map((r) => r.annotations.summary)),
    )
    expect(summaries).toContain('Barber {{ "{{" }} $value }} "quoted" p95 latency above 100 ms')
    expect(summaries.some((s) => s.includes('Cór{{ "{{" }} .Labels }}doba'))).toBe(true)
  })

  it(
    'renders as the literal text in promtool’s own evaluation',
    () => {
      const files = sets.flatMap((s) => s.tests.map((t) => t.name))
      const out = execFileSync('/usr/bin/promtool', ['test', 'rules', ...files], {
        cwd: dir,
        encoding: 'utf8',
      })
      expect(out).toContain('SUCCESS')
      const expected = sets.flatMap((s) => s.tests).flatMap((t) => JSON.stringify(t.file))
      expect(expected.join('').includes('Barber {{ $value }} \\"quoted\\" p95 latency above 100 ms')).toBe(
        true,
      )
    },
    timeoutFor({ ruleTests: 1 }),
  )
})
