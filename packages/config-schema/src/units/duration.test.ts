import { describe, expect, it } from 'vitest'
import { duration, parseDuration, positiveDuration } from './duration'

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['10m', 600],
    ['2h', 7200],
    ['30d', 2_592_000],
    ['1w', 604_800],
    ['24mo', 24 * 30 * 86_400],
    ['10y', 10 * 365 * 86_400],
    ['50ms', 0.05],
    ['1.5h', 5400],
    ['0s', 0],
    [' 5m ', 300],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds)
  })

  it('adds up compound durations written largest unit first', () => {
    expect(parseDuration('1h30m')).toBe(5400)
    expect(parseDuration('1d2h3m4s')).toBe(86_400 + 7200 + 180 + 4)
    expect(parseDuration('1y6mo')).toBe(365 * 86_400 + 180 * 86_400)
  })

  it('refuses a capital M, which could mean months or minutes', () => {
    expect(parseDuration('1M')).toBe('"1M" is ambiguous: write 1mo for months or 1m for minutes')
    expect(parseDuration('2h1M')).toMatch(/ambiguous: write 1mo for months or 1m for minutes/)
  })

  it('refuses bare numbers and says which units to add', () => {
    expect(parseDuration('90')).toBe('"90" has no unit: write 90s, 90m, 90h or 90d')
    expect(parseDuration('1.5')).toMatch(/has no unit/)
  })

  it('refuses repeated or reordered units as likely typos', () => {
    expect(parseDuration('30m1h')).toMatch(/repeats or reorders units/)
    expect(parseDuration('1h1h')).toMatch(/repeats or reorders units/)
  })

  it.each(['', '   ', '-5s', '5 m', '5 minutes', 'h', '5x', '1h 30m'])('refuses %j', (text) => {
    expect(typeof parseDuration(text)).toBe('string')
  })
})

describe('duration schema', () => {
  it('resolves to seconds and reports the parse error as its issue', () => {
    expect(duration.parse('2h')).toBe(7200)
    const result = duration.safeParse('1M')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/ambiguous/)
  })

  it('refuses numbers: YAML reads 90 as a number, which has no unit', () => {
    expect(duration.safeParse(90).error?.issues[0]?.message).toMatch(/expected a duration with a unit/)
  })

  it('positiveDuration refuses 0s', () => {
    expect(positiveDuration.safeParse('0s').error?.issues[0]?.message).toBe('must be longer than 0s')
    expect(positiveDuration.parse('1ms')).toBe(0.001)
  })
})
