import { describe, expect, test } from 'vitest'
import type { Artifact, ArtifactKind } from '../artifact'
import { artifactAt, buildVertical, examplePlatform } from '../compliance/testing'
import { generatedHeader } from '../header'
import { validateCompliance } from './compliance'

const artifacts = buildVertical(examplePlatform(), 'psychology')
const md = generatedHeader('markdown')
const doc = (content: string, kind: ArtifactKind = 'compliance-document'): Artifact => ({
  path: 'psychology/compliance/x.md',
  kind,
  vertical: 'psychology',
  content,
})
const policy = (file: string, content: string): Artifact => ({
  path: `psychology/compliance/${file}`,
  kind: 'compliance-policy',
  vertical: 'psychology',
  content,
})

describe('JSON policies', () => {
  test('the generated ones match their schemas', async () => {
    for (const file of ['retention.json', 'consent.json', 'data-map.json', 'records-of-processing.json'])
      expect(await validateCompliance(artifactAt(artifacts, `psychology/compliance/${file}`))).toEqual([])
  })

  test('invalid JSON, a wrong field, an unknown key and an unknown file are reported', async () => {
    expect((await validateCompliance(policy('consent.json', '{')))[0]).toMatch(/^not valid JSON/)
    const consent = JSON.parse(artifactAt(artifacts, 'psychology/compliance/consent.json').content)
    consent.purposes[0].validitySeconds = 'forever'
    consent.extra = true
    const problems = await validateCompliance(policy('consent.json', JSON.stringify(consent)))
    expect(problems.some((p) => p.startsWith('purposes.0.validitySeconds:'))).toBe(true)
    expect(problems.some((p) => p.includes('extra'))).toBe(true)
    expect(await validateCompliance(policy('other.json', '{}'))).toEqual([
      'no schema for compliance policy other.json',
    ])
  })
})

describe('Markdown documents and runbooks', () => {
  test('the generated ones pass', async () => {
    for (const a of artifacts.filter((a) => a.path.endsWith('.md')))
      expect(await validateCompliance(a)).toEqual([])
  })

  test('a missing header, a ragged table, raw HTML, a repeated anchor and a script link are reported', async () => {
    expect(await validateCompliance(doc('# Title\n'))).toEqual([
      'does not start with the generated-file header',
    ])
    const ragged = `${md}\n| a | b |\n|---|---|\n| c | d | e |\n| f \\| g | h |\n`
    expect(await validateCompliance(doc(ragged))).toEqual([
      'table row has 4 cell separators, its header 3: | c | d | e |',
    ])
    const html = await validateCompliance(
      doc(`${md}\ntext <script>alert(1)</script>\n\n<div>x</div>\n`, 'runbook'),
    )
    expect(html).toEqual(
      expect.arrayContaining(['raw HTML is not allowed: <script>', 'raw HTML is not allowed: <div>x</div>']),
    )
    const twice = `${md}\n<a id="x"></a>\n\n## A\n\n<a id="x"></a>\n\n## B\n`
    expect(await validateCompliance(doc(twice))).toEqual(['anchor used twice: <a id="x">'])
    const links = `${md}\n[a](javascript:alert(1)) ![i](data:image/png;base64,AA) [wiki](https://example.org/x) [b](x.md)\n`
    expect(await validateCompliance(doc(links))).toEqual([
      'link to a script or data URL: [a](javascript:alert(1))',
      'image to a script or data URL: ![i](data:image/png;base64,AA)',
    ])
  })
})

describe('SQL migrations', () => {
  const sql = (content: string): Artifact => ({
    path: 'psychology/compliance/migrations/001-a.sql',
    kind: 'sql-migration',
    vertical: 'psychology',
    content,
  })

  test('the generated ones pass; a missing header or an empty body is reported', async () => {
    for (const a of artifacts.filter((a) => a.kind === 'sql-migration'))
      expect(await validateCompliance(a)).toEqual([])
    expect(await validateCompliance(sql('CREATE TABLE t (id int);\n'))).toEqual([
      'does not start with the generated-file header',
    ])
    expect(await validateCompliance(sql(`${generatedHeader('sql')}-- nothing\n`))).toEqual([
      'holds no SQL statement',
    ])
  })
})

test('an artifact of another bundle is not a compliance artifact', async () => {
  expect(await validateCompliance({ ...doc('x'), kind: 'kubernetes' })).toEqual([
    'not a compliance artifact: kubernetes',
  ])
})
