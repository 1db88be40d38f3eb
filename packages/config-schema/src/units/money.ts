import * as z from 'zod'

export interface Money {
  readonly amount: number
  readonly currency: string
}

/** Parses `USD 15000` or `15000 USD`; refuses thousands separators, which read differently in es-AR and en-US. */
export function parseMoney(text: string): Money | string {
  const trimmed = text.trim()
  const match = /^([A-Z]{3})\s+(\S+)$/.exec(trimmed) ?? /^(\S+)\s+([A-Z]{3})$/.exec(trimmed)
  if (!match)
    return `"${text}" is not an amount of money: write a currency code and an amount, e.g. USD 15000`
  const [currency, amount] = /^[A-Z]{3}$/.test(match[1] as string)
    ? [match[1], match[2]]
    : [match[2], match[1]]
  if (/^\d{1,3}([.,]\d{3})+$/.test(amount as string)) {
    return `"${text}" uses a thousands separator, which reads differently in es-AR and en-US: write ${(amount as string).replace(/[.,]/g, '')}`
  }
  if (!/^\d+(\.\d{1,2})?$/.test(amount as string)) {
    return `"${text}": the amount must be a plain number with at most two decimals, e.g. USD 15000 or USD 49.90`
  }
  return { amount: Number(amount), currency: currency as string }
}

/** An amount of money with its ISO 4217 currency code. */
export const money = z
  .string({ error: 'expected an amount of money such as USD 15000' })
  .transform((text, ctx) => {
    const result = parseMoney(text)
    if (typeof result === 'string') {
      ctx.addIssue({ code: 'custom', message: result })
      return z.NEVER
    }
    return result
  })
  .meta({
    type: 'string',
    pattern: '^([A-Z]{3} +\\d+(\\.\\d{1,2})?|\\d+(\\.\\d{1,2})? +[A-Z]{3})$',
    description: 'An amount with its ISO 4217 currency, e.g. USD 15000 (no thousands separators)',
  })
