import { z } from 'zod'

// Human units as people write them in platform.yaml, each resolved to one plain number.
// Ambiguous spellings are refused with a hint instead of guessed at.

const DURATION_UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  mo: 2_592_000, // a month is 30 days, a convention stated in the README
  y: 31_536_000, // a year is 365 days
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|mo|s|m|h|d|w|y)/y

/** Parses `90s`, `10m`, `2h`, `30d`, `24mo`, `10y` or `1h30m` into seconds; returns an error text otherwise. */
export function parseDuration(text: string): number | string {
  const trimmed = text.trim()
  if (trimmed === '') return 'a duration may not be empty: write e.g. 90s, 10m, 2h, 30d, 24mo or 10y'
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return `"${text}" has no unit: write ${trimmed}s, ${trimmed}m, ${trimmed}h or ${trimmed}d`
  }
  if (/\d+M$/.test(trimmed))
    return `"${text}" is ambiguous: write ${trimmed.slice(0, -1)}mo for months or ${trimmed.slice(0, -1)}m for minutes`
  let total = 0
  let index = 0
  DURATION_PART.lastIndex = 0
  while (index < trimmed.length) {
    DURATION_PART.lastIndex = index
    const match = DURATION_PART.exec(trimmed)
    if (!match) {
      return `"${text}" is not a duration: write a number and a unit (ms, s, m, h, d, w, mo, y), e.g. 90s or 1h30m`
    }
    total += Number(match[1]) * (DURATION_UNITS[match[2] as string] as number)
    index = DURATION_PART.lastIndex
  }
  return Math.round(total * 1000) / 1000
}

/** A duration written with a unit, resolved to seconds. */
export const duration = z
  .string({ error: 'expected a duration with a unit, e.g. 90s, 10m, 2h, 30d, 24mo or 10y' })
  .transform((text, ctx) => {
    const result = parseDuration(text)
    if (typeof result === 'string') {
      ctx.addIssue({ code: 'custom', message: result })
      return z.NEVER
    }
    return result
  })
  .meta({
    type: 'string',
    pattern: '^(\\d+(\\.\\d+)?(ms|mo|s|m|h|d|w|y))+$',
    description:
      'A duration: a number and a unit (ms, s, m, h, d, w, mo = 30 d, y = 365 d), e.g. 90s, 2h, 24mo',
  })

/** A duration that must be longer than 0s (periods, deadlines, retention). */
export const positiveDuration = duration.refine((seconds) => seconds > 0, 'must be longer than 0s')

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
  .meta({ type: 'string', pattern: '^\\d+(\\.\\d+)?%$', description: 'A percentage, e.g. 70% or 99.95%' })

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

/** Parses a Kubernetes CPU quantity (`500m`, `2`, `0.5`) into millicores. */
export function parseCpu(value: string | number): number | string {
  const text = String(value).trim()
  const milli = /^(\d+)m$/.exec(text)
  if (milli) return Number(milli[1])
  if (/^\d+(\.\d{1,3})?$/.test(text)) return Math.round(Number(text) * 1000)
  return `"${text}" is not a CPU quantity: write millicores (500m) or cores (2)`
}

const BYTE_SUFFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
}

/** Parses a Kubernetes memory or storage quantity (`1Gi`, `512Mi`, `100G`) into bytes. */
export function parseBytes(value: string | number): number | string {
  const text = String(value).trim()
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(text)
  if (!match) {
    const hint = /^(\d+(?:\.\d+)?)\s*([KMGT])B$/i.exec(text)
    if (hint) {
      return `"${text}" is ambiguous: write ${hint[1]}${hint[2]?.toUpperCase()} for decimal units or ${hint[1]}${hint[2]?.toUpperCase()}i for binary units (Kubernetes quantities)`
    }
    return `"${text}" is not a size: write a Kubernetes quantity such as 512Mi, 4Gi or 100G`
  }
  return Math.round(Number(match[1]) * (BYTE_SUFFIXES[match[2] ?? ''] as number))
}

function quantity(parse: (v: string | number) => number | string, description: string, pattern: string) {
  return z
    .union([z.string(), z.number()])
    .transform((value, ctx) => {
      const result = parse(value)
      if (typeof result === 'string') {
        ctx.addIssue({ code: 'custom', message: result })
        return z.NEVER
      }
      return result
    })
    .meta({ description, pattern })
}

/** A CPU quantity resolved to millicores. */
export const cpu = quantity(
  parseCpu,
  'A Kubernetes CPU quantity, e.g. 500m or 2',
  '^(\\d+m|\\d+(\\.\\d{1,3})?)$',
)
/** A memory or storage quantity resolved to bytes. */
export const bytes = quantity(
  parseBytes,
  'A Kubernetes quantity of bytes, e.g. 512Mi, 4Gi or 100G',
  '^\\d+(\\.\\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$',
)

/** A wall-clock time `HH:MM` (24 h). */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time of day as HH:MM (24 h), e.g. 09:00')

/** An IANA time zone name known to this Node.js runtime. */
export const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone.includes('/') || zone === 'UTC'
  } catch {
    return false
  }
}, 'expected an IANA time zone such as America/Argentina/Buenos_Aires')

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const weekday = z.enum(WEEKDAYS)

/** A lowercase DNS label (RFC 1123), safe as a Kubernetes name, a Terraform identifier suffix and a path segment. */
export const dnsLabel = z
  .string()
  .regex(
    /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'expected a lowercase name of letters, digits and dashes (e.g. buenos-aires)',
  )

/** Free text that ends up in generated documents: one line, no control characters. */
export const label = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => !/\p{Cc}/u.test(text), 'must be a single line without control characters')
