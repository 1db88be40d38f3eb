import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Bench } from 'tinybench'

/** A benchmark result as BENCHMARKS.md shows it. */
export interface BenchEntry {
  /** Section heading, e.g. "config-schema". */
  group: string
  name: string
  /** The measured value (a median for timings). */
  value: number
  unit: 'ms' | 'µs' | 'ns' | 'rows/s' | 'ops/s' | 'req/s' | 'x'
  /** The raw baseline measured in the same run, when the target is a ratio. */
  baseline?: { name: string; value: number }
  /**
   * The ratio to the baseline when measured pair by pair (pairedMediansMs): the median of the pairs'
   * ratios, which a drifting machine skews less than the ratio of the two medians. Default: value / baseline.
   */
  ratio?: number
  /** The target in words, e.g. "median < 20 ms" or "<= 1.15x raw GET". */
  target: string
  met: boolean
  notes?: string
}

/** The entry's ratio to its baseline: the paired ratio when measured so, else value over baseline. */
export function ratioOf(entry: BenchEntry): number | undefined {
  if (entry.baseline === undefined) return undefined
  return entry.ratio ?? entry.value / entry.baseline.value
}

/** Appends one result to the package's .bench-results.json (cwd is the package when vitest runs). */
export function recordBenchmark(entry: BenchEntry, cwd = process.cwd()): void {
  const file = join(cwd, '.bench-results.json')
  const list: BenchEntry[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : []
  const rest = list.filter((e) => !(e.group === entry.group && e.name === entry.name))
  writeFileSync(file, `${JSON.stringify([...rest, entry], null, 2)}\n`)
  const ratio = entry.baseline ? ` (${ratioOf(entry)?.toFixed(2)}x ${entry.baseline.name})` : ''
  console.log(
    `${entry.met ? 'MET ' : 'MISS'} ${entry.group}: ${entry.name} = ${entry.value} ${entry.unit}${ratio}; target ${entry.target}`,
  )
}

/** Median time of one call in milliseconds, measured by tinybench after a warm-up. */
export async function medianMs(
  fn: () => unknown | Promise<unknown>,
  options: { time?: number; iterations?: number; warmupIterations?: number } = {},
): Promise<number> {
  const bench = new Bench({
    time: options.time ?? 1000,
    iterations: options.iterations ?? 20,
    warmupIterations: options.warmupIterations ?? 10,
  })
  bench.add('task', fn)
  await bench.run()
  const result = bench.tasks[0]?.result as { latency?: { p50?: number } } | undefined
  const median = result?.latency?.p50
  if (median === undefined) throw new Error('tinybench returned no latency median')
  return median
}

/** The median of a list of samples (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no samples')
  const sorted = [...values].sort((x, y) => x - y)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * Medians of two synchronous tasks (a subject and its baseline) sampled in alternation, and the
 * median of their paired ratios: each subject sample over the mean of the baseline samples taken just
 * before and just after it, so a machine whose speed drifts during the run (a shared VM's does, by a
 * third within seconds) changes both sides of each ratio alike. With `clock: 'cpu'` each sample is the
 * CPU time this process spent (user + system, GC included), which other processes do not stretch: the
 * measure of how work scales. `baselineRuns` baseline calls are timed together as one sample (default
 * 1): a baseline much cheaper than its subject would otherwise rest on a clock that counts CPU time in
 * ticks (4 ms here, a tenth of a 40 ms baseline).
 */
export function pairedMediansMs(
  subject: () => unknown,
  baseline: () => unknown,
  options: {
    iterations?: number
    warmupIterations?: number
    clock?: 'wall' | 'cpu'
    baselineRuns?: number
  } = {},
): { subject: number; baseline: number; ratio: number } {
  const times = { subject: [] as number[], baseline: [] as number[] }
  const time =
    options.clock === 'cpu'
      ? (fn: () => unknown) => {
          const start = process.cpuUsage()
          fn()
          const used = process.cpuUsage(start)
          return (used.user + used.system) / 1000
        }
      : (fn: () => unknown) => {
          const start = process.hrtime.bigint()
          fn()
          return Number(process.hrtime.bigint() - start) / 1e6
        }
  const runs = options.baselineRuns ?? 1
  const baselineBatch = () => {
    for (let j = 0; j < runs; j++) baseline()
  }
  for (let i = 0; i < (options.warmupIterations ?? 2); i++) {
    subject()
    baseline()
  }
  const iterations = options.iterations ?? 25
  for (let i = 0; i < iterations; i++) {
    times.baseline.push(time(baselineBatch) / runs)
    times.subject.push(time(subject))
  }
  times.baseline.push(time(baselineBatch) / runs)
  const ratios = times.subject.map(
    (s, i) => s / (((times.baseline[i] as number) + (times.baseline[i + 1] as number)) / 2),
  )
  return { subject: median(times.subject), baseline: median(times.baseline), ratio: median(ratios) }
}
