/** Levenshtein distance, small and allocation-light: only ever run on key names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/** The closest known name, if it is close enough to be the one the user meant. */
export function didYouMean(input: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const candidate of known) {
    const score = distance(input.toLowerCase(), candidate.toLowerCase())
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  const limit = Math.max(2, Math.floor(input.length / 3))
  return best !== undefined && bestScore <= limit ? best : undefined
}
