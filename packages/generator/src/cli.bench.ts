import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { medianMs, pairedMediansMs, recordBenchmark } from '../../../scripts/bench/report.ts'
import { EXAMPLE_CONFIG, PACKAGE_DIR } from './testing/fixtures'

// Cold starts of the real binary: each sample is a fresh process running the bin npm links as
// `verticals`, measured against `node -e 0` in the same run so a busy machine slows both alike.
const cli = join(PACKAGE_DIR, 'bin', 'verticals.js')
const out = join(tmpdir(), `verticals-bench-${process.pid}`)
const node = (args: string[]) => execFileSync(process.execPath, args, { stdio: 'ignore' })
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs during the run`
const samples = { time: 0, iterations: 12, warmupIterations: 2 }

it('cold `verticals validate` takes under 3x `node -e 0`', async () => {
  // Alternating the two, sample by sample, keeps a load spike from landing on one side only.
  const { subject: validate, baseline: bare } = pairedMediansMs(
    () => node([cli, 'validate', EXAMPLE_CONFIG]),
    () => node(['-e', '0']),
    { iterations: 31, warmupIterations: 2 },
  )
  const ratio = validate / bare
  recordBenchmark({
    group: 'generator',
    name: 'CLI cold start: verticals validate, four-vertical example',
    value: Number(validate.toFixed(1)),
    unit: 'ms',
    baseline: { name: 'node -e 0', value: Number(bare.toFixed(1)) },
    target: '< 3x node -e 0',
    met: ratio < 3,
    notes: `${ratio.toFixed(2)}x; ${load()}`,
  })
}, 180_000)

it('cold `verticals generate` of the four-vertical example takes under 1.5 s', async () => {
  try {
    node([cli, 'generate', EXAMPLE_CONFIG, '--out', out])
    // Loading the templates package (builders and their validators) is measured alone, so the
    // report shows how much of a cold generate is start-up rather than rendering and writing.
    const templates = await medianMs(() => node(['-e', "import('@verticals/templates')"]), samples)
    // Removing the bundle first makes every sample a full write, not an up-to-date no-op.
    const median = await medianMs(() => {
      rmSync(out, { recursive: true, force: true })
      node([cli, 'generate', EXAMPLE_CONFIG, '--out', out])
    }, samples)
    expect(median).toBeGreaterThan(0)
    recordBenchmark({
      group: 'generator',
      name: 'CLI cold start: verticals generate, four-vertical example (full write)',
      value: Number(median.toFixed(1)),
      unit: 'ms',
      baseline: { name: 'node -e "import(\'@verticals/templates\')"', value: Number(templates.toFixed(1)) },
      target: 'median < 1500 ms',
      met: median < 1500,
      notes: load(),
    })
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}, 180_000)
