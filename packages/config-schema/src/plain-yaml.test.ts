import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { readPlainYaml } from './plain-yaml'
import { ARGENTINA_PATH, argentinaText, BARBER_PATH, barberText } from './testing/example'

const BROKEN = new URL('./__fixtures__/broken/', import.meta.url)

/** What the library reads from a text: its value, or 'invalid' when it reports an error. */
function library(text: string): unknown {
  const doc = parseDocument(text, { strict: true })
  if (doc.errors.length > 0) return 'invalid'
  try {
    return doc.toJS({ maxAliasCount: 50 })
  } catch {
    return 'invalid'
  }
}

/** Holds the reader to the library: when it reads a text at all, it reads the library's value. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text)
  if (plain === undefined) return false
  expect(plain.value, text).toStrictEqual(library(text))
  return true
}

/** A seeded generator (mulberry32): the same mutations on every run. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// What a mutation inserts: YAML's indicators, scalars the core schema reads as non-strings, and
// layout (spaces, line breaks, tabs) that changes what belongs to what.
const SNIPPETS = [
  ' ',
  '  ',
  '\n',
  '\n  ',
  '\t',
  '-',
  '- ',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  "''",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!',
  '!!str ',
  '|',
  '>',
  '? ',
  '%',
  '@',
  '`',
  '\\',
  '---\n',
  '...',
  '~',
  'null',
  'Null',
  'true',
  'False',
  '0o17',
  '0x1F',
  '017',
  '-0',
  '+12',
  '1e3',
  '.5',
  '2.',
  '.inf',
  '-.Inf',
  '.nan',
  '__proto__: 1\n',
  'a: 1\n',
  '- x\n',
  'key:',
  '\u00a0',
  '\r\n',
]

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length)
  const kind = next()
  if (kind < 0.6) {
    const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)] as string
    return text.slice(0, at) + snippet + text.slice(at)
  }
  if (kind < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4))
  // Re-indents the line `at` falls on by one or two spaces either way.
  const start = text.lastIndexOf('\n', at) + 1
  const shift = Math.floor(next() * 4) - 2
  return shift < 0
    ? text.slice(0, start) + text.slice(start - shift)
    : `${text.slice(0, start)}${' '.repeat(shift)}${text.slice(start)}`
}

describe('readPlainYaml', () => {
  it('reads both examples as the yaml library does', () => {
    expect(agrees(argentinaText()), ARGENTINA_PATH).toBe(true)
    expect(agrees(barberText()), BARBER_PATH).toBe(true)
  })

  it('agrees with the library on every config of the broken corpus it reads, and reads none with a YAML error', () => {
    const files = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'))
    const read = files.filter((f) => agrees(readFileSync(new URL(f, BROKEN), 'utf8')))
    // The corpus's YAML mistakes are the library's to report; its other mistakes are plain YAML.
    expect(read.filter((f) => /^\d+-yaml-/.test(f))).toEqual([])
    expect(read.length).toBeGreaterThan(files.length / 2)
  })

  it('reads scalars as the core schema does', () => {
    const text = [
      'n: ~',
      'n2: null',
      'n3: NULL',
      'b: true',
      'b2: False',
      'o: 0o17',
      'i: -12',
      'i2: +7',
      'i3: 017',
      'h: 0x1F',
      'f: 1.50',
      'f2: .5',
      'f3: 2.',
      'e: 1e3',
      'inf: -.Inf',
      'nan: .nan',
      'v: 1.0.0',
      's: yes',
      'd: 2027-02-08',
      'u: https://x.example/a?b=c',
      'q: "1"',
      "q2: 'it''s'",
      'p: 60%',
      'l: [a b, "c, d", 3, { k: v, k2: [] }]',
      'm: {}',
      'e2:',
      'c: x # note',
    ].join('\n')
    expect(agrees(text)).toBe(true)
    expect(readPlainYaml(text)?.value).toMatchObject({
      o: 15,
      h: 31,
      f3: 2,
      s: 'yes',
      u: 'https://x.example/a?b=c',
    })
  })

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ["a sequence at its key's indentation", 'a:\n- 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a document marker', '---\na: 1\n'],
    ['a numeric key', '1: a\n'],
    ['a quoted key', '"a": 1\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['a root that is not a mapping', '- a\n'],
    ['an empty text', '# nothing\n'],
  ])('leaves %s to the library', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined()
  })

  it('agrees with the library on a thousand mutated configs, and reads none it rejects', () => {
    const next = random(20260607)
    const base = barberText()
    let read = 0
    for (let n = 0; n < 1000; n++) {
      let text = base
      const mutations = 1 + Math.floor(next() * 3)
      for (let m = 0; m < mutations; m++) text = mutate(text, next)
      if (agrees(text)) read++
    }
    // Most single edits leave plain YAML: the comparison above really ran.
    expect(read).toBeGreaterThan(150)
  })
})
