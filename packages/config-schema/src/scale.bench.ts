import { cpus, loadavg } from 'node:os'
import { expect, it } from 'vitest'
import { median, recordBenchmark } from '../../../scripts/bench/report.ts'
import { parse } from './parse'
import { withMarkets } from './testing/synthetic'

// Validation must stay linear in the number of markets: 16,000 synthetic markets may take at most
// 2.2x the time of 8,000 (quadratic work would take 4x). Sizes alternate, so load hits both alike.
const MAX_RATIO = 2.2

function timeMs(text: string): number {
  const start = process.hrtime.bigint()
  const result = parse(text, 'platform.yaml')
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  expect(result.ok).toBe(true)
  return ms
}

it('validates 16,000 synthetic markets in at most 2.2x the time of 8,000', () => {
  const small = withMarkets(8000)
  const large = withMarkets(16_000)
  timeMs(small) // warm-up
  const times = { small: [] as number[], large: [] as number[] }
  for (let i = 0; i < 5; i++) {
    times.small.push(timeMs(small))
    times.large.push(timeMs(large))
  }
  const base = median(times.small)
  const value = median(times.large)
  recordBenchmark({
    group: 'config-schema',
    name: 'parse + validate + resolve, 16,000 synthetic markets',
    value: Math.round(value),
    unit: 'ms',
    baseline: { name: '8,000 synthetic markets', value: Math.round(base) },
    target: `<= ${MAX_RATIO}x 8,000 markets (linear)`,
    met: value / base <= MAX_RATIO,
    notes: `${(value / base).toFixed(2)}x; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`,
  })
}, 600_000)
