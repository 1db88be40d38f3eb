import * as z from 'zod'

// Durations as people write them in platform.yaml, resolved to seconds. Ambiguous spellings are
// refused with a hint instead of guessed at.

const DURATION_UNITS = {
  y: 31_536_000, // a year is 365 days
  mo: 2_592_000, // a month is 30 days, a convention stated in the README
  w: 604_800,
  d: 86_400,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
} as const

type DurationUnit = keyof typeof DURATION_UNITS
const UNIT_ORDER = Object.keys(DURATION_UNITS) as DurationUnit[]
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|mo|s|m|h|d|w|y)/y
const EXAMPLES = 'e.g. 90s, 10m, 2h, 30d, 24mo, 10y or 1h30m'

/** Parses `90s`, `10m`, `2h`, `30d`, `24mo`, `10y` or `1h30m` into seconds; returns an error text otherwise. */
export function parseDuration(text: string): number | string {
  const trimmed = text.trim()
  if (trimmed === '') return `a duration may not be empty: write ${EXAMPLES}`
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return `"${text}" has no unit: write ${trimmed}s, ${trimmed}m, ${trimmed}h or ${trimmed}d`
  }
  const capitalM = /(\d+(?:\.\d+)?)M/.exec(trimmed)
  if (capitalM) {
    return `"${text}" is ambiguous: write ${capitalM[1]}mo for months or ${capitalM[1]}m for minutes`
  }
  let total = 0
  let index = 0
  let previous = -1
  while (index < trimmed.length) {
    DURATION_PART.lastIndex = index
    const match = DURATION_PART.exec(trimmed)
    if (!match)
      return `"${text}" is not a duration: write a number and a unit (ms, s, m, h, d, w, mo, y), ${EXAMPLES}`
    const unit = match[2] as DurationUnit
    const rank = UNIT_ORDER.indexOf(unit)
    // "30m1h" or "1h1h" is more likely a typo than a wish: each unit once, largest first.
    if (rank <= previous)
      return `"${text}" repeats or reorders units: write each unit once, largest first, e.g. 1h30m`
    previous = rank
    total += Number(match[1]) * DURATION_UNITS[unit]
    index = DURATION_PART.lastIndex
  }
  return Math.round(total * 1000) / 1000
}

/** A duration written with a unit, resolved to seconds. */
export const duration = z
  .string({ error: `expected a duration with a unit, ${EXAMPLES}` })
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
