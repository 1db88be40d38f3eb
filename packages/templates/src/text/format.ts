const UNITS: [number, string][] = [
  [31_536_000, 'year'],
  [2_592_000, 'month'],
  [604_800, 'week'],
  [86_400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
]

/** Seconds as a person reads them: 63072000 -> "2 years", 5400 -> "90 minutes", 0 -> "0 seconds". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) throw new Error(`not a duration: ${seconds}`)
  if (seconds === 0) return '0 seconds'
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`
  for (const [size, unit] of UNITS) {
    if (seconds % size === 0) {
      const n = seconds / size
      return `${n} ${unit}${n === 1 ? '' : 's'}`
    }
  }
  return `${seconds} seconds`
}

/** A percent number as text: 99.95 -> "99.95%". */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a percentage: ${value}`)
  return `${value}%`
}
