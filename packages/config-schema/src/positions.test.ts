import { describe, expect, it } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { positionOf } from './positions'

const text = `a:
  b:
    c: 1
  list:
    - x
    - { y: 2 }
  empty:
flow: { k: v }
`
const lines = new LineCounter()
const doc = parseDocument(text, { lineCounter: lines })
const at = (path: (string | number)[], where?: 'key' | 'value') => positionOf(doc, lines, path, where)

describe('positionOf', () => {
  it('points at the value of a path', () => {
    expect(at(['a', 'b', 'c'])).toEqual({ line: 3, column: 8 })
    expect(at(['flow', 'k'])).toEqual({ line: 8, column: 12 })
  })

  it('points at the key when asked (unknown keys)', () => {
    expect(at(['a', 'b', 'c'], 'key')).toEqual({ line: 3, column: 5 })
  })

  it('walks sequences by index', () => {
    expect(at(['a', 'list', 0])).toEqual({ line: 5, column: 7 })
    expect(at(['a', 'list', 1, 'y'])).toEqual({ line: 6, column: 12 })
  })

  it('falls back to the deepest node that exists', () => {
    expect(at(['a', 'b', 'missing', 'deeper'])).toEqual({ line: 3, column: 5 })
    expect(at(['a', 'list', 7])).toEqual({ line: 5, column: 5 })
  })

  it('points at the key of a key without a value', () => {
    expect(at(['a', 'empty'])).toEqual({ line: 7, column: 3 })
  })

  it('points at the start of the file for the root', () => {
    expect(at([])).toEqual({ line: 1, column: 1 })
  })
})
