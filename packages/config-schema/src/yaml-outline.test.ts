import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { ARGENTINA_PATH, BARBER_PATH } from './testing/example'
import { outlineYaml } from './yaml-outline'

const TEMPLATE = ARGENTINA_PATH.replace(
  'examples/argentina-marketplace/platform.yaml',
  'packages/create-vertical/template/platform.yaml',
)

describe('outlineYaml', () => {
  it.each([ARGENTINA_PATH, BARBER_PATH, TEMPLATE])(
    'finds no mistake in %s and a path for every key that the document has',
    (file) => {
      const text = readFileSync(file, 'utf8')
      const doc = parseDocument(text)
      const lines = outlineYaml(text)
      expect(lines.filter((l) => l.mistake)).toEqual([])
      const keyed = lines.filter((l) => l.key !== undefined)
      expect(keyed.length).toBeGreaterThan(50)
      for (const l of keyed) expect(doc.hasIn(l.path), `line ${l.line}: ${l.path.join('.')}`).toBe(true)
    },
  )

  it('reads sequences of scalars and of mappings, compact sequences and block scalars', () => {
    const text =
      'a:\n  - x\n  - k: 1\n    j: 2\nb:\n- y\n- z\nc: |\n  not: a key\nd: { e: 1,\n  f: 2 }\ng: 3\n'
    const doc = parseDocument(text)
    const keyed = outlineYaml(text).filter((l) => l.key !== undefined)
    expect(keyed.map((l) => l.path.join('.'))).toEqual(['a', 'a.1.k', 'a.1.j', 'b', 'c', 'd', 'g'])
    for (const l of keyed) expect(doc.hasIn(l.path)).toBe(true)
  })

  it('names the line indented deeper than its siblings, and the one that lines up with nothing', () => {
    const deeper = outlineYaml('metadata:\n  name: x\n   displayName: y\n  version: 1\n')
    expect(deeper.find((l) => l.mistake)).toMatchObject({
      line: 3,
      path: ['metadata', 'displayName'],
      mistake:
        'is indented 3 spaces, deeper than line 2, which already has a value: line it up with its siblings (2 spaces)',
    })
    const between = outlineYaml('metadata:\n  name: x\n displayName: y\n')
    expect(between.find((l) => l.mistake)).toMatchObject({
      line: 3,
      mistake: 'is indented 1 space, which lines up with no block above it (those start at 0 or 2 spaces)',
    })
  })
})
