import { describe, expect, it } from 'vitest'
import { copyRows } from './copy-text'

describe('copyRows', () => {
  it('splits COPY text lines into columns, with NULL and the backslash escapes COPY TO writes', () => {
    const text = '1\tplain\t\\N\n2\t{"a": "x\\\\ty\\tz\\nw"}\t\\\\N\n'
    expect(copyRows(text)).toEqual([
      ['1', 'plain', null],
      ['2', '{"a": "x\\ty\tz\nw"}', '\\N'],
    ])
  })
})
