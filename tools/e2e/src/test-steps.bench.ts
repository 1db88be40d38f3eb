import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@verticals/config-schema'
import { alertmanagerRouteCases } from '@verticals/observability'
import { expect, it } from 'vitest'
import { median, recordBenchmark } from '../../../scripts/bench/report.ts'
import { documentation, tsSnippets, typeCheckSnippets } from './doc-snippets.ts'
import { repoRoot } from './workspace.ts'

// What the heavy steps of the test suite cost on this machine, idle: testing/costs.ts turns these
// into test timeouts, so a test's timeout follows from what it does rather than from a guess.
const COSTS = join(repoRoot, 'testing', 'step-costs.json')
const EXAMPLE = join(repoRoot, 'examples', 'argentina-marketplace', 'platform.yaml')
const VERTICALS = join(repoRoot, 'packages', 'generator', 'bin', 'verticals.js')
const CREATE_DIR = join(repoRoot, 'packages', 'create-vertical')
const CREATE = join(CREATE_DIR, 'dist', 'cli.js')
// The verdict cache would turn every promtool run after the first into a file read.
const env = { ...process.env, VERTICALS_TOOL_CACHE: '', NO_COLOR: '1' }

function resolveText(text: string) {
  const result = parse(text, EXAMPLE)
  if (!result.ok) throw new Error(`the example does not validate: ${JSON.stringify(result.diagnostics)}`)
  return result.platform
}

function timeMs(command: string, args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint()
  execFileSync(command, [...args], { cwd, env, stdio: 'ignore' })
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** The median of `runs` samples of a step, each in a fresh temporary directory under `under`. */
function sample(runs: number, step: (dir: string) => number, under = tmpdir()): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(under, '.verticals-steps-'))
    try {
      times.push(step(dir))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return Math.round(median(times))
}

/** Start of a six-node Redis Cluster and one failover, as packages/core's cluster tests take them. */
async function redisClusterSteps(runs: number): Promise<{ redisCluster: number; redisFailover: number }> {
  const { startCluster } = await import('../../../packages/core/test/redis-cluster.ts')
  const starts: number[] = []
  const failovers: number[] = []
  for (let i = 0; i < runs; i++) {
    let start = performance.now()
    const cluster = await startCluster(60_000)
    starts.push(performance.now() - start)
    try {
      start = performance.now()
      await cluster.killPrimaryOf('step')
      await cluster.waitHealthy(60_000)
      failovers.push(performance.now() - start)
    } finally {
      await cluster.stop()
    }
  }
  return { redisCluster: Math.round(median(starts)), redisFailover: Math.round(median(failovers)) }
}

it('measures the steps the tests take and records them in testing/step-costs.json', async () => {
  const costs = JSON.parse(readFileSync(COSTS, 'utf8')) as { steps: Record<string, { ms: number }> }
  const node = process.execPath
  const measured: Record<string, number> = {
    node: sample(9, (dir) => timeMs(node, ['-e', '0'], dir)),
    cli: sample(9, (dir) => timeMs(node, [VERTICALS, 'validate', EXAMPLE], dir)),
    generate: sample(5, (dir) => timeMs(node, [VERTICALS, 'generate', EXAMPLE, '--out', 'b'], dir)),
    ruleTests: sample(3, (dir) => {
      execFileSync(node, [VERTICALS, 'generate', EXAMPLE, '--out', 'b', '--vertical', 'barber'], {
        cwd: dir,
        env,
      })
      const rules = join(dir, 'b', 'barber', 'monitoring', 'prometheus')
      const tests = ['alerts.test.yaml', 'alerts-1h.test.yaml', 'slo.test.yaml']
      return tests.reduce((sum, file) => sum + timeMs('promtool', ['test', 'rules', file], rules), 0)
    }),
    // Every generated routing case of the platform Alertmanager config, as the templates' tools test runs them.
    amtoolRoutes: sample(3, (dir) => {
      execFileSync(node, [VERTICALS, 'generate', EXAMPLE, '--out', 'b', '--vertical', 'barber'], {
        cwd: dir,
        env,
      })
      const config = join(dir, 'b', 'platform', 'monitoring', 'alertmanager', 'alertmanager.yaml')
      const platform = resolveText(readFileSync(EXAMPLE, 'utf8'))
      return alertmanagerRouteCases(platform).reduce((sum, c) => {
        const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)
        const verify = `--verify.receivers=${c.receivers.join(',')}`
        return (
          sum +
          timeMs('amtool', ['config', 'routes', 'test', `--config.file=${config}`, verify, ...labels], dir)
        )
      }, 0)
    }),
    verify: sample(3, (dir) =>
      timeMs(node, [VERTICALS, 'generate', EXAMPLE, '--out', 'b', '--verify', '--vertical', 'barber'], dir),
    ),
    psql: sample(9, (dir) =>
      timeMs('psql', ['-X', '-q', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-c', 'SELECT 1'], dir),
    ),
    // The compliance bundle's migrations applied by psql into a fresh schema, as a DBA would.
    psqlBundle: sample(3, (dir) => {
      execFileSync(node, [VERTICALS, 'generate', EXAMPLE, '--out', 'b', '--vertical', 'barber'], {
        cwd: dir,
        env,
      })
      const migrations = join(dir, 'b', 'barber', 'compliance', 'migrations')
      const schema = `vx_steps_${process.pid}_${Date.now()}`
      const db = ['-X', '-q', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'test']
      try {
        return readdirSync(migrations)
          .filter((file) => file.endsWith('.sql'))
          .sort()
          .reduce(
            (sum, file) => sum + timeMs('psql', [...db, '-v', `schema=${schema}`, '-f', file], migrations),
            0,
          )
      } finally {
        execFileSync('psql', [...db, '-c', `DROP SCHEMA IF EXISTS "${schema}" CASCADE`], {
          env,
          stdio: 'ignore',
        })
      }
    }),
    typecheck: sample(
      3,
      (dir) => {
        const start = process.hrtime.bigint()
        typeCheckSnippets(dir, tsSnippets(documentation()))
        return Number(process.hrtime.bigint() - start) / 1e6
      },
      join(repoRoot, 'tools', 'e2e'),
    ),
    npm: sample(5, () => timeMs('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], CREATE_DIR)),
    scaffold: sample(3, (dir) => timeMs(node, [CREATE, 'svc', '--vertical', 'barber', '--yes'], dir)),
    // Inside the workspace, so the scaffold resolves @verticals/* to the built packages.
    scaffoldTests: sample(
      3,
      (dir) => {
        execFileSync(node, [CREATE, 'svc', '--vertical', 'fitness', '--yes'], { cwd: dir, env })
        const project = join(dir, 'svc')
        // The scaffold's own `npm test` line, without npm in front of it.
        return timeMs(node, ['--test', '--test-concurrency=1', 'test/**/*.test.js'], project)
      },
      CREATE_DIR,
    ),
    ...(await redisClusterSteps(3)),
  }
  for (const [step, ms] of Object.entries(measured)) {
    const entry = costs.steps[step]
    expect(entry, `testing/step-costs.json has no step ${step}`).toBeDefined()
    if (entry) entry.ms = ms
    recordBenchmark({
      group: 'test steps',
      name: `${step}: ${(entry as { what?: string }).what ?? step}`,
      value: ms,
      unit: 'ms',
      target: 'recorded (test timeouts derive from it)',
      met: true,
      notes: `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs`,
    })
  }
  writeFileSync(COSTS, `${JSON.stringify(costs, null, 2)}\n`)
}, 600_000)
