// `npm test`: checks the services, runs every project's build, lint and typecheck through nx, then
// every package's tests in one vitest run, and prints one closing line that sums them (also when
// something failed), with the time of each phase and the slowest test files.
//
// Concurrency comes from the cores this process may use (os.availableParallelism()): nx runs that
// many tasks at once, and the one vitest run keeps that many workers for all packages together.
// Running nx's `test` targets side by side instead multiplies nx's and vitest's own defaults, and
// two packages that spawn CLIs and promtool then overload a small machine.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'

const cores = availableParallelism()
const SUMMARY = '.test-summary.json'
const phases = []
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }

function phase(name, command, args) {
  const started = Date.now()
  const run = spawnSync(command, args, { stdio: 'inherit', env })
  phases.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`)
  return run.status === 0
}

const services = spawnSync(process.execPath, ['scripts/check-services.mjs'], { stdio: 'inherit' })
if (services.status !== 0) process.exit(1)

const asked = process.argv.slice(2)
const targets = asked.length > 0 ? asked : ['build', 'lint', 'typecheck', 'test']
const nxTargets = targets.filter((t) => t !== 'test')
let ok = true
if (nxTargets.length > 0) {
  const args = ['nx', 'run-many', '-t', ...nxTargets, `--parallel=${cores}`, '--output-style=stream']
  ok = phase(nxTargets.join(', '), 'npx', args)
}
if (!targets.includes('test')) process.exit(ok ? 0 : 1)

rmSync(SUMMARY, { force: true })
// Tests on a failed build would fail by the hundred and bury the real error.
if (ok) ok = phase('tests', 'npx', ['vitest', 'run'])
else console.error(`\n${nxTargets.join(', ')} failed (above), so the tests were not run.`)

const summary = existsSync(SUMMARY) ? JSON.parse(readFileSync(SUMMARY, 'utf8')) : null
if (summary) {
  console.log('\nSlowest test files (seconds from import to last test):')
  for (const f of summary.files.slice(0, 8)) {
    console.log(`  ${f.seconds.toFixed(1).padStart(6)}  ${f.project}  ${f.file}`)
  }
  for (const error of summary.unhandledErrors) console.log(`Unhandled error (fails the run): ${error}`)
}
const counts = summary
  ? `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped, ${summary.unhandledErrors.length} unhandled errors`
  : 'no test report (the tests did not run)'
console.log(`\nTests: ${counts} (${phases.join(', ')}; ${cores} cores)`)
const green =
  ok && summary && summary.failed === 0 && summary.unhandledErrors.length === 0 && summary.passed > 0
process.exit(green ? 0 : 1)
