import { describe, expect, it } from 'vitest'
import { INPUT_LIMITS } from './limits'
import { parse } from './parse'
import { withMarkets } from './testing/synthetic'

describe('input size', () => {
  it('refuses a file above the byte limit before parsing it, with a clear error', () => {
    const text = `# ${'x'.repeat(INPUT_LIMITS.bytes)}\napiVersion: verticals/v1\n`
    const result = parse(text, 'big.yaml')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.diagnostics).toEqual([
      {
        code: 'INPUT_TOO_LARGE',
        severity: 'error',
        file: 'big.yaml',
        line: 1,
        column: 1,
        path: '',
        message:
          'the file is 4 MiB, above the 4 MiB this release reads: split the platform, or ask for a higher limit',
      },
    ])
  })

  it('refuses more markets than the limit, at the markets key', () => {
    // Markets as bare scalars: the count is checked before the schema looks at any of them.
    const markets = Array.from({ length: INPUT_LIMITS.markets + 1 }, (_, i) => `  m${i}: 0`).join('\n')
    const result = parse(withMarkets(1).replace(/\nmarkets:\n.*\n/, `\nmarkets:\n${markets}\n`), 'p.yaml')
    expect(!result.ok && result.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([
      'INPUT_TOO_LARGE markets 20001 markets is above the 20000 this release reads: split the platform, or ask for a higher limit',
    ])
  })

  it('validates 2,000 synthetic markets (the scale benchmark measures 8,000 and 16,000)', () => {
    const result = parse(withMarkets(2000), 'p.yaml')
    expect(result.ok && Object.keys(result.platform.markets)).toHaveLength(2000)
  })

  it('still reports a duplicate key, now found in linear time', () => {
    const text = withMarkets(3).replace('  m2: {', '  m1: {')
    const result = parse(text, 'p.yaml')
    expect(!result.ok && result.diagnostics[0]?.message).toMatch(
      /^duplicate key "m1": it is already defined at line \d+, column 3/,
    )
  })
})
