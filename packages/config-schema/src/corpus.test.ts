import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BROKEN_CASES, corpusBase, renderCase } from '../scripts/broken-cases'
import { DIAGNOSTIC_CODES, formatDiagnostic } from './diagnostics'
import { parse } from './parse'
import { argentinaText } from './testing/example'

const dir = fileURLToPath(new URL('./__fixtures__/broken/', import.meta.url))
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  // By case number: past 99 the names grow a digit, and 100- sorts before 11- as text.
  .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
const HEADER = /^# expect: (\d+):(\d+) ([A-Z0-9_]+) (\S+)$/

/** The expectation on a corpus file's first line. */
export function expectation(text: string) {
  const match = HEADER.exec(text.split('\n')[0] ?? '')
  if (!match)
    throw new Error(`first line is not "# expect: <line>:<col> <CODE> <path>": ${text.split('\n')[0]}`)
  return {
    line: Number(match[1]),
    column: Number(match[2]),
    code: match[3],
    path: match[4] === '-' ? '' : match[4],
  }
}

describe('broken-config corpus', () => {
  it('holds at least 45 configs, one per case, named NN-name.yaml, as the generator writes them', () => {
    expect(files.length).toBeGreaterThanOrEqual(45)
    expect(files.length).toBe(BROKEN_CASES.length)
    const base = corpusBase(argentinaText())
    BROKEN_CASES.forEach((broken, i) => {
      const { name, text } = renderCase(base, broken, i)
      expect(files[i]).toBe(name)
      expect(
        readFileSync(`${dir}${name}`, 'utf8'),
        `${name} is stale: run npx tsx scripts/make-broken-corpus.ts`,
      ).toBe(text)
    })
  })

  it('covers every diagnostic code', () => {
    const codes = new Set(files.map((f) => expectation(readFileSync(`${dir}${f}`, 'utf8')).code))
    expect([...codes].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort())
  })

  it.each(files)('%s fails with its expected first diagnostic', (file) => {
    const text = readFileSync(`${dir}${file}`, 'utf8')
    const expected = expectation(text)
    const result = parse(text, file)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const [first] = result.diagnostics
    expect(first && { line: first.line, column: first.column, code: first.code, path: first.path }).toEqual(
      expected,
    )
    for (const d of result.diagnostics) {
      expect(d.file).toBe(file)
      expect(d.message).not.toMatch(/\n/)
      expect(d.message).not.toMatch(/^\s*at |\bat .+:\d+:\d+\)?$|Error:|ZodError|\[object Object\]|undefined/)
      expect(d.message.length).toBeGreaterThan(10)
      expect(formatDiagnostic(d)).toMatch(new RegExp(`^${file}:\\d+:\\d+  \\S+  [^\\n]+$`))
    }
  })
})
