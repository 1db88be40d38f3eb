import * as z from 'zod'

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
