import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { medianMs, pairedMediansMs, recordBenchmark } from '../../../scripts/bench/report.ts'
import { EXAMPLE_CONFIG, exampleSource, PACKAGE_DIR } from './testing/fixtures'
import { syntheticConfigText } from './testing/synthetic'

// Cold starts of the real binary: each sample is a fresh process running the bin npm links as
// `verticals`, measured against `node -e 0` in the same run so a busy machine slows both alike.
const cli = join(PACKAGE_DIR, 'bin', 'verticals.js')
const out = join(tmpdir(), `verticals-bench-${process.pid}`)
const node = (args: string[]) => execFileSync(process.execPath, args, { stdio: 'ignore' })
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs during the run`
const samples = { time: 0, iterations: 12, warmupIterations: 2 }

/** Records a cold start of `verticals <args>` against `node -e 0`, sampled in alternation. */
function coldStart(name: string, args: string[], maxRatio: number, iterations: number): void {
  // Alternating the two, sample by sample, keeps a load spike from landing on one side only.
  const { subject, baseline, ratio } = pairedMediansMs(
    () => node([cli, ...args]),
    () => node(['-e', '0']),
    { iterations, warmupIterations: 2 },
  )
  recordBenchmark({
    group: 'generator',
    name,
    value: Number(subject.toFixed(1)),
    unit: 'ms',
    baseline: { name: 'node -e 0', value: Number(baseline.toFixed(1)) },
    ratio: Number(ratio.toFixed(2)),
    target: `< ${maxRatio}x node -e 0`,
    met: ratio < maxRatio,
    notes: `${ratio.toFixed(2)}x; ${load()}`,
  })
}

it('cold `verticals validate` takes under 3x `node -e 0`', () => {
  coldStart('CLI cold start: verticals validate, four-vertical example', ['validate', EXAMPLE_CONFIG], 3, 31)
}, 180_000)

it('cold `verticals --version` takes under 1.5x `node -e 0`', () => {
  // Help, version and usage errors report through @verticals/config-schema/diagnostics: no zod, no schema.
  coldStart('CLI cold start: verticals --version', ['--version'], 1.5, 21)
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

// The scaling target for generation as a user runs it: `verticals generate` of a 100-vertical
// platform.yaml, cold, writing its bundle, against the four-vertical example the same way. The
// synthetic config is the example grown by copies of its four verticals (syntheticConfigText), so both
// sizes have the same mix. The in-process render (generate.bench.ts) measures the same scaling without
// start-up, config reading or writing, all of which this includes.
it('cold `verticals generate` of 100 verticals takes at most 25x the time of 4 (full write)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verticals-bench-scale-'))
  try {
    const { text } = exampleSource()
    const configs = { 4: join(dir, 'four.yaml'), 100: join(dir, 'hundred.yaml') }
    writeFileSync(configs[4], syntheticConfigText(text, 4))
    writeFileSync(configs[100], syntheticConfigText(text, 100))
    let run = 0
    // A new directory each time, so every sample writes the whole bundle and none pays for removing one.
    const generate = (count: 4 | 100) => () =>
      node([cli, 'generate', configs[count], '--out', join(dir, `out-${count}-${run++}`)])
    const { subject, baseline, ratio } = pairedMediansMs(generate(100), generate(4), {
      iterations: 5,
      warmupIterations: 1,
    })
    expect(readdirSync(dir).filter((name) => name.startsWith('out-100-')).length).toBeGreaterThan(0)
    recordBenchmark({
      group: 'generator',
      name: 'CLI: verticals generate of 100 verticals vs 4 (cold, full write)',
      value: Number(subject.toFixed(0)),
      unit: 'ms',
      baseline: { name: '4 verticals', value: Number(baseline.toFixed(0)) },
      ratio: Number(ratio.toFixed(2)),
      target: '<= 25x the time of 4 verticals',
      met: ratio <= 25,
      notes: `wall clock, alternated; the example grown by copies of its four verticals; ${load()}`,
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 600_000)
