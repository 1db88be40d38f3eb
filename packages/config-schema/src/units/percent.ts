import * as z from 'zod'

/** Parses `99.9%` into 99.9 (percent); bare numbers are refused because 0.7 could mean 0.7 % or 70 %. */
export function parsePercent(text: string): number | string {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text)
  if (!match) return `"${text}" is not a percentage: write it with a % sign, e.g. 70% or 99.95%`
  return Number(match[1])
}

/** A percentage written with `%`, resolved to its number of percent (70% -> 70). */
export const percent = z
  .union([z.string(), z.number()], { error: 'expected a percentage such as 70%' })
  .transform((value, ctx) => {
    const result =
      typeof value === 'number'
        ? `${value} is ambiguous: write ${value}% (or ${value * 100}% if you meant a fraction)`
        : parsePercent(value)
    if (typeof result === 'string') {
      ctx.addIssue({ code: 'custom', message: result })
      return z.NEVER
    }
    if (result > 100) {
      ctx.addIssue({ code: 'custom', message: `${value} is more than 100%` })
      return z.NEVER
    }
    return result
  })
  .meta({
    type: 'string',
    pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$',
    description: 'A percentage, e.g. 70% or 99.95%',
  })
