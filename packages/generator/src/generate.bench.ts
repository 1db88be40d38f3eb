import { cpus, loadavg } from 'node:os'
import { parse } from '@verticals/config-schema'
import { expect, it } from 'vitest'
import { medianMs, pairedMediansMs, recordBenchmark } from '../../../scripts/bench/report.ts'
import { generate } from './engine/generate'
import { examplePlatform } from './testing/fixtures'
import { syntheticPlatform } from './testing/synthetic'

// In-process generation: what `verticals generate` costs once Node is up, and how it scales with
// the number of verticals (the cost per vertical should stay flat).
const { platform, text, source } = examplePlatform()
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs during the run`

it('generates the four-vertical example in process in under 150 ms (median, warm)', async () => {
  const full = () => {
    const parsed = parse(text, 'platform.yaml')
    if (!parsed.ok) throw new Error('the example config is invalid')
    return generate(parsed.platform, { source: { file: 'platform.yaml', text } })
  }
  expect(full().files.length).toBeGreaterThan(0)
  const median = await medianMs(full, { time: 3000, iterations: 30, warmupIterations: 5 })
  recordBenchmark({
    group: 'generator',
    name: 'parse + resolve + render all bundles, four-vertical example (warm, in process)',
    value: Number(median.toFixed(2)),
    unit: 'ms',
    target: 'median < 150 ms',
    met: median < 150,
    notes: `${full().files.length} files; ${load()}`,
  })
}, 120_000)

// Scaling is measured in CPU time, sampled in alternation with the 4-vertical run: on the shared
// machine wall-clock medians of a 7 s run and a 0.2 s run meet different loads (the 100-vertical
// run measured 27.7x and then 49x in wall time while its CPU time stayed within 24x; issue 15).
// Wall-clock medians of the same alternated runs are kept in the notes. Five 4-vertical runs are
// timed together as one baseline sample: CPU time is counted in 4 ms ticks here, a tenth of one
// run. The ratio is the median of each 100-vertical sample's ratio to the baseline samples around
// it: this VM's speed drifts by a third within seconds (one 4-vertical run took 36 to 72 ms in
// one bench), which the ratio of two medians took for scaling.
// The synthetic platform is the worst case for the one part of a bundle that does grow with the
// platform: all its verticals share one store and erase platform-wide, so every vertical's view,
// data map and runbooks name every other (in a line per list, not a line per vertical).
// In process there is no start-up, config reading or writing to amortize, so linear scaling is 25x
// exactly: the target for 100 verticals is a per-vertical cost within 5% of the 4-vertical run's
// (26.25x). Issue 15's "generation of 100 verticals <= 25x the time of 4" is held where it is what
// users run, the cold `verticals generate` in cli.bench.ts.
it('scales linearly: 64 and 100 synthetic verticals take no more than 20x and 26.25x the time of 4', () => {
  const run = (count: number) => {
    const synthetic = syntheticPlatform(platform, count)
    expect(generate(synthetic, { source, configSha256: 'c'.repeat(64) }).verticals).toHaveLength(count)
    return () => generate(synthetic, { source, configSha256: 'c'.repeat(64) })
  }
  const four = run(4)
  const options = { iterations: 9, warmupIterations: 1, baselineRuns: 5 }
  const cpu = {
    64: pairedMediansMs(run(64), four, { ...options, clock: 'cpu' }),
    100: pairedMediansMs(run(100), four, { ...options, clock: 'cpu' }),
  }
  const wall = pairedMediansMs(run(100), four, { iterations: 3, warmupIterations: 1, baselineRuns: 5 })
  for (const [count, target] of [
    [64, 20],
    [100, 26.25],
  ] as const) {
    const { subject, baseline, ratio } = cpu[count]
    recordBenchmark({
      group: 'generator',
      name: `render ${count} synthetic verticals vs 4 (in process, CPU time)`,
      value: Number(subject.toFixed(2)),
      unit: 'ms',
      baseline: { name: '4 verticals', value: Number(baseline.toFixed(2)) },
      ratio: Number(ratio.toFixed(2)),
      target: `<= ${target}x the time of 4 verticals${count === 100 ? ' (linear within 5%)' : ''}`,
      met: ratio <= target,
      notes: `${(subject / count).toFixed(2)} ms/vertical vs ${(baseline / 4).toFixed(2)} at 4 (medians; ${(subject / baseline).toFixed(2)}x)${
        count === 100
          ? `; wall clock: ${wall.subject.toFixed(0)} ms vs ${wall.baseline.toFixed(1)} ms (${wall.ratio.toFixed(2)}x)`
          : ''
      }; ${load()}`,
    })
  }
}, 600_000)
