/**
 * The largest platform.yaml this release reads. Validation and generation are linear in the size of
 * the file (BENCHMARKS.md: 16,000 markets take at most 2.2x the time of 8,000), so these bound the
 * time a run takes rather than protect an algorithm: 20,000 one-line markets are about 2 MiB and
 * validate in a few seconds.
 */
export const INPUT_LIMITS = {
  /** Characters of the file (UTF-16 code units as read, about its size in bytes). */
  bytes: 4 * 1024 * 1024,
  markets: 20_000,
  verticals: 1_000,
} as const

/** `16 MiB`, `1.5 MiB`, `512 KiB`: sizes as the limit message shows them. */
export function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MiB`
  return `${Number((n / 1024).toFixed(1))} KiB`
}
