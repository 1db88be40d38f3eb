import { describe, expect, it } from 'vitest'
import { money, parseMoney } from './money'

describe('money', () => {
  it('reads the currency before or after the amount', () => {
    expect(parseMoney('USD 15000')).toEqual({ amount: 15000, currency: 'USD' })
    expect(parseMoney('15000 USD')).toEqual({ amount: 15000, currency: 'USD' })
    expect(parseMoney('ARS 49.90')).toEqual({ amount: 49.9, currency: 'ARS' })
    expect(money.parse('USD 0')).toEqual({ amount: 0, currency: 'USD' })
  })

  it('refuses thousands separators, which mean opposite things in es-AR and en-US', () => {
    expect(parseMoney('USD 15,000')).toBe(
      '"USD 15,000" uses a thousands separator, which reads differently in es-AR and en-US: write 15000',
    )
    expect(parseMoney('USD 4.800')).toMatch(/thousands separator.*write 4800/)
    expect(parseMoney('USD 1,234,567')).toMatch(/write 1234567/)
  })

  it('refuses amounts with more than two decimals or that are not numbers', () => {
    expect(parseMoney('USD 1.234')).toMatch(/thousands separator/)
    expect(parseMoney('USD 1.2345')).toMatch(/at most two decimals/)
    expect(parseMoney('USD -5')).toMatch(/plain number/)
  })

  it('requires an ISO 4217 code', () => {
    expect(parseMoney('15000')).toMatch(/write a currency code and an amount/)
    expect(parseMoney('usd 15000')).toMatch(/write a currency code/)
    expect(parseMoney('$15000')).toMatch(/write a currency code/)
    expect(money.safeParse(15000).error?.issues[0]?.message).toBe(
      'expected an amount of money such as USD 15000',
    )
  })
})
