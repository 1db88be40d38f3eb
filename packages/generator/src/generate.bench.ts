import { cpus, loadavg } from 'node:os'
import { parse } from '@verticals/config-schema'
import { expect, it } from 'vitest'
import { medianMs, recordBenchmark } from '../../../scripts/bench/report.ts'
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

it('scales linearly: 64 and 100 synthetic verticals take no more than 20x and 25x the time of 4', async () => {
  const times = new Map<number, number>()
  for (const count of [1, 4, 16, 64]) {
    const synthetic = syntheticPlatform(platform, count)
    const run = () => generate(synthetic, { source, configSha256: 'c'.repeat(64) })
    expect(run().verticals).toHaveLength(count)
    times.set(
      count,
      await medianMs(run, { time: 1000, iterations: count >= 64 ? 5 : 15, warmupIterations: 2 }),
    )
  }
  const ratio = times.get(64)! / times.get(4)!
  // And at 100 verticals (issue 15's target): at most 25x the time of 4.
  const hundred = syntheticPlatform(platform, 100)
  const runHundred = () => generate(hundred, { source, configSha256: 'c'.repeat(64) })
  expect(runHundred().verticals).toHaveLength(100)
  const at100 = await medianMs(runHundred, { time: 1000, iterations: 5, warmupIterations: 1 })
  const perVertical = [...times].map(
    ([n, ms]) => `${n}: ${ms.toFixed(1)} ms (${(ms / n).toFixed(2)} ms/vertical)`,
  )
  recordBenchmark({
    group: 'generator',
    name: 'render 64 synthetic verticals vs 4 (in process)',
    value: Number(times.get(64)!.toFixed(2)),
    unit: 'ms',
    baseline: { name: '4 verticals', value: Number(times.get(4)!.toFixed(2)) },
    target: '<= 20x the time of 4 verticals',
    met: ratio <= 20,
    notes: `${perVertical.join('; ')}; ${load()}`,
  })
  recordBenchmark({
    group: 'generator',
    name: 'render 100 synthetic verticals vs 4 (in process)',
    value: Number(at100.toFixed(2)),
    unit: 'ms',
    baseline: { name: '4 verticals', value: Number(times.get(4)!.toFixed(2)) },
    target: '<= 25x the time of 4 verticals',
    met: at100 / times.get(4)! <= 25,
    notes: `${(at100 / 100).toFixed(2)} ms/vertical; ${load()}`,
  })
}, 300_000)
