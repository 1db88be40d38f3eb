import { describe, expect, it } from 'vitest'
import { parsePercent, percent } from './percent'

describe('percent', () => {
  it.each([
    ['70%', 70],
    ['99.95%', 99.95],
    ['0%', 0],
    ['100%', 100],
    [' 5 % ', 5],
  ])('reads %j as %d', (text, value) => {
    expect(parsePercent(text)).toBe(value)
    expect(percent.parse(text)).toBe(value)
  })

  it('refuses a string without %', () => {
    expect(parsePercent('70')).toBe('"70" is not a percentage: write it with a % sign, e.g. 70% or 99.95%')
  })

  it('refuses a bare number, which could be a fraction or a percentage', () => {
    expect(percent.safeParse(0.7).error?.issues[0]?.message).toBe(
      '0.7 is ambiguous: write 0.7% (or 70% if you meant a fraction)',
    )
  })

  it('refuses more than 100% and negative values', () => {
    expect(percent.safeParse('101%').error?.issues[0]?.message).toBe('101% is more than 100%')
    expect(percent.safeParse('-5%').success).toBe(false)
  })

  it('refuses other types', () => {
    expect(percent.safeParse(true).error?.issues[0]?.message).toBe('expected a percentage such as 70%')
  })
})
