import type { ResolvedVertical } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, stringify } from 'yaml'
import { examplePlatform, exampleSource } from './infrastructure/testing'
import { renderPlatform, renderVertical } from './render'
import { toYaml, YAML_OPTIONS } from './serialize'
import { createTextEngine } from './text/engine'
import { emitYamlDocument } from './yaml-emit'

// The emitter must write exactly what the yaml library writes; each case is held against the library.
const library = (value: unknown) => stringify(value, YAML_OPTIONS)

// Strings that sit on an edge of some rule: core-schema look-alikes, indicators, document markers,
// whitespace around line breaks, chomping, control and non-ASCII characters.
const AWKWARD = [
  '',
  ' ',
  'a',
  'plain text with spaces',
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'null',
  'Null',
  'NULL',
  '~',
  '0',
  '1',
  '-1',
  '+1',
  '007',
  '1.5',
  '.5',
  '1.',
  '-.5',
  '1e3',
  '1E-3',
  '+2.5e+10',
  '0x1f',
  '0x',
  '0o17',
  '0o8',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '1_000',
  '12:30',
  '2026-12-07',
  '- a',
  '-a',
  '-',
  '--',
  '?',
  '? a',
  '?a',
  ':',
  ':a',
  'a:',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#a',
  '&a',
  '*a',
  '!a',
  '|',
  '|-',
  '>',
  "'a'",
  '"a"',
  "it's",
  'say "hi"',
  '%a',
  '@a',
  '`a`',
  '[a]',
  '{a}',
  'a,b',
  ',',
  'a ',
  ' a',
  '\ta',
  'a\t',
  '---',
  '--- a',
  '---a',
  '...',
  '... a',
  'a\n---\nb',
  'a\n...',
  'a\n%YAML',
  'a\nb',
  'a\nb\n',
  'a\nb\n\n',
  'a\nb\n\n\n',
  '\na',
  '\n\na\n',
  ' a\nb',
  '  a\n  b\n',
  'a\n b',
  'a \nb',
  'a\n\n\nb',
  'a\n\t',
  'a\n ',
  'a\n \nb',
  '\n',
  '\n\n',
  ' \n',
  `${'x'.repeat(50)}\ny`,
  `${'x'.repeat(50)}\n\n\n y`,
  `${'x'.repeat(50)} \ny`,
  `\u0007 bell ${'x'.repeat(40)}\nsecond line`,
  `\u0007\n${'x'.repeat(40)}\n`,
  '\u0000',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ud800',
  '\u000b',
  'é',
  '日本語',
  '😀',
  'a\r\nb',
  '\r',
  'a\\b',
  'C:\\path',
  'sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) > 0.1',
  '{{ .Labels.vertical }}',
  '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform's interpolation, as text
  '${var.region}',
  'https://example.com/a?b=c#d',
  'key: value\nother: x',
  '- item\n- item',
  '# not a comment\nline',
  'x'.repeat(1100),
]

/** A document that puts `s` as a key, a value and a list item, at several depths. */
function placements(s: string): Record<string, unknown> {
  return {
    [s]: s,
    value: s,
    list: [s, [s, []], { [s]: [s, {}] }],
    nested: { deeper: { [s]: s, more: [{ x: s, y: [s] }] } },
  }
}

// A small seeded generator (mulberry32), so a failing case is the same on every run.
function random(seed: number): () => number {
  let t = seed
  return () => {
    t = (t + 0x6d2b79f5) | 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = [
  ' ',
  '  ',
  '\n',
  '\t',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '?',
  "'",
  '"',
  'a',
  'b',
  '0',
  '1',
  '.',
]
  .concat(['e', 'x', '%', '|', '>', '{', '[', ']', ',', '\\', '\u0007', 'é', '\r', '+', '~', '---', '...'])
  .concat(['true', 'null', '0x', '0o', 'inf', 'nan', '\n\n', '&', '*', '!', '@', '`'])

function randomString(next: () => number): string {
  const length = Math.floor(next() * 8)
  let s = ''
  for (let i = 0; i < length; i++) s += PIECES[Math.floor(next() * PIECES.length)]
  return s
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = next()
  if (depth > 3 || pick < 0.45) {
    const scalar = next()
    if (scalar < 0.6) return randomString(next)
    if (scalar < 0.7) return Math.floor(next() * 2000) - 1000
    if (scalar < 0.78)
      return [0.5, -0, 1e21, 1.25e-7, Number.NaN, Number.POSITIVE_INFINITY, -1 / 3][Math.floor(next() * 7)]
    if (scalar < 0.88) return next() < 0.5
    return next() < 0.5 ? null : undefined
  }
  const size = Math.floor(next() * 4)
  if (pick < 0.7) return Array.from({ length: size }, () => randomValue(next, depth + 1))
  const object: Record<string, unknown> = {}
  for (let i = 0; i < size; i++) object[randomString(next)] = randomValue(next, depth + 1)
  return object
}

describe('emitYamlDocument', () => {
  it('writes every YAML document of the example bundles as the library does', () => {
    const platform = examplePlatform()
    const text = createTextEngine()
    const artifacts = [
      ...Object.values(platform.verticals).flatMap((vertical) =>
        renderVertical({
          platform,
          vertical: vertical as ResolvedVertical,
          source: exampleSource(),
          text,
          migrations: [],
        }),
      ),
      ...renderPlatform(platform),
    ].filter((a) => a.path.endsWith('.yaml') || a.path.endsWith('.yml'))
    expect(artifacts.length).toBeGreaterThan(20)
    let documents = 0
    for (const artifact of artifacts) {
      for (const doc of parseAllDocuments(artifact.content)) {
        const value = doc.toJS()
        if (value === null || typeof value !== 'object') continue
        expect(emitYamlDocument(value), artifact.path).toBe(library(value))
        documents++
      }
    }
    expect(documents).toBeGreaterThanOrEqual(artifacts.length)
  })

  it.each(AWKWARD.map((s) => [JSON.stringify(s).slice(0, 60), s] as const))(
    'writes %s as a key, a value and a list item as the library does',
    (_name, s) => {
      const doc = placements(s)
      const emitted = emitYamlDocument(doc)
      // A key over 1024 characters is an explicit key (`? ...`): left to the library.
      if (s.length > 1024) expect(emitted).toBeUndefined()
      else expect(emitted).toBe(library(doc))
      expect(toYaml([doc], null)).toBe(library(doc))
    },
  )

  it('writes two awkward strings joined, in every order, as the library does', () => {
    const short = AWKWARD.filter((s) => s.length < 20)
    for (const a of short) {
      for (const b of short) {
        const doc = { [a + b]: [a + b, `${a}\n${b}`], v: `${a}\n${b}\n` }
        expect(emitYamlDocument(doc), JSON.stringify([a, b])).toBe(library(doc))
      }
    }
  })

  it('writes 5000 random documents as the library does', () => {
    const next = random(20261207)
    for (let i = 0; i < 5000; i++) {
      const doc =
        next() < 0.5 ? randomValue(next, 0) : { root: randomValue(next, 0), [randomString(next)]: 1 }
      if (doc === null || typeof doc !== 'object') continue
      expect(emitYamlDocument(doc), JSON.stringify(doc)).toBe(library(doc))
    }
  })

  it('writes numbers, booleans, null, undefined and empty collections as the library does', () => {
    const doc = {
      numbers: [0, -0, 1, -1, 0.1, 1 / 3, 1e21, 1e-7, 2 ** 53, Number.NaN, Infinity, -Infinity],
      flags: [true, false],
      nothing: null,
      skipped: undefined,
      holes: [undefined, null],
      empty: { list: [], map: {}, onlyUndefined: { a: undefined } },
      lists: [[], [[]], [{}], [[1, 2], [3]]],
    }
    expect(emitYamlDocument(doc)).toBe(library(doc))
    expect(emitYamlDocument([])).toBe(library([]))
    expect(emitYamlDocument({})).toBe(library({}))
    expect(emitYamlDocument([{ a: 1 }, 'b'])).toBe(library([{ a: 1 }, 'b']))
  })

  it('leaves to the library what it does not write itself, and toYaml still writes what the library does', () => {
    const others: unknown[] = [
      'a top-level string',
      42,
      { when: new Date(0) },
      { map: new Map([['a', 1]]) },
      { json: { toJSON: () => 'replaced' } },
      { big: 10n },
      { [`${'k'.repeat(1100)}`]: 1 },
      {
        klass: new (class Point {
          x = 1
        })(),
      },
    ]
    for (const value of others) {
      expect(emitYamlDocument(value)).toBeUndefined()
      expect(toYaml([value], null)).toBe(library(value))
    }
  })
})
