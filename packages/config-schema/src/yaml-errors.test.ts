import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from './diagnostics'
import { parse } from './parse'

/** Every diagnostic of a YAML text, as the CLI prints it. */
function printed(text: string): string[] {
  const result = parse(text, 'p.yaml')
  if (result.ok) throw new Error('expected a syntax error')
  return result.diagnostics.map(formatDiagnostic)
}

const METADATA =
  'metadata:\n  name: x\n  displayName: y\n  version: 1\n  controller:\n    name: z\n    country: AR\n'

describe('YAML syntax errors', () => {
  it('reports one tab once, with the fix, however much of the file it throws off', () => {
    expect(printed(`a: 1\n${METADATA.replace('  name: x', '\tname: x')}b: 2\n`)).toEqual([
      'p.yaml:3:1  metadata.name  a tab indents this line: YAML indents with spaces only, so replace the tab with spaces',
    ])
  })

  it('names a duplicate key and where it was first defined, once per duplicate', () => {
    expect(printed('apiVersion: v\nkind: P\nkind: P\nmarkets:\n  a: 1\n  b: 2\n  a: 3\n')).toEqual([
      'p.yaml:3:1  kind  duplicate key "kind": it is already defined at line 2, column 1, and a mapping holds each key once',
      'p.yaml:7:3  markets.a  duplicate key "a": it is already defined at line 5, column 3, and a mapping holds each key once',
    ])
  })

  it('points at the line indented off its siblings, not where the parser gave up', () => {
    expect(printed(METADATA.replace('  displayName', '   displayName'))).toEqual([
      'p.yaml:3:4  metadata.displayName  "displayName" is indented 3 spaces, deeper than line 2, which already has a value: line it up with its siblings (2 spaces)',
    ])
    expect(printed(METADATA.replace('  displayName', ' displayName'))).toEqual([
      'p.yaml:3:2  displayName  "displayName" is indented 1 space, which lines up with no block above it (those start at 0 or 2 spaces)',
    ])
  })

  it('points at the quote or bracket that never closes', () => {
    expect(printed('a:\n  tls: { min: "1.3"\n  headers: 1\n')).toEqual([
      'p.yaml:2:8  a.tls  the "{" that opens here is never closed with "}"',
    ])
    expect(printed('a:\n  b: [1, 2\nc: 1\n')).toEqual([
      'p.yaml:2:6  a.b  the "[" that opens here is never closed with "]"',
    ])
    expect(printed("a: 'x\nb: 1\n")).toEqual([
      "p.yaml:1:4  a  the quoted text that starts here never ends: close it with '",
    ])
  })

  it('explains a missing colon, a missing space after a dash, a list mixed with keys and a reserved first character', () => {
    expect(printed('metadata:\n  name x\n  version: 1\n')).toEqual([
      'p.yaml:2:3  metadata  "name x" is not "key: value": is the colon after the key missing?',
    ])
    expect(printed('list:\n  - a\n  -b\n')).toEqual([
      'p.yaml:3:3  list  this line needs a space after "-" to be a list item',
    ])
    expect(printed('a:\n  - x\n  y: 1\n')).toEqual([
      'p.yaml:3:3  a.y  "y" is a key among list items at the same indentation: a block holds either "- " items or keys',
    ])
    expect(printed('a: @x\n')).toEqual([
      'p.yaml:1:4  a  a plain value cannot start with "@": put the value in quotes',
    ])
  })

  it('names the anchor an alias is missing', () => {
    expect(printed('budget:\n  monthly: *monthly-budget\n')).toEqual([
      'p.yaml:2:12  budget.monthly  *monthly-budget refers to no anchor: mark an earlier value with &monthly-budget, or write the value here',
    ])
  })
})
