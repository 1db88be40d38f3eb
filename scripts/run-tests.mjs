// `npm test`: checks the services, runs every project's build, lint, typecheck and test through nx,
// then prints one closing line that sums all vitest reports (also when something failed).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const ROOTS = ['packages', 'apps', 'tools']
const reports = () =>
  ROOTS.flatMap((root) =>
    existsSync(root) ? readdirSync(root).map((name) => join(root, name, '.test-results.json')) : [],
  ).filter((file) => existsSync(file))

const services = spawnSync(process.execPath, ['scripts/check-services.mjs'], { stdio: 'inherit' })
if (services.status !== 0) process.exit(1)

for (const file of reports()) rmSync(file)
const targets =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['build', 'lint', 'typecheck', 'test']
const nx = spawnSync('npx', ['nx', 'run-many', '-t', ...targets, '--output-style=stream'], {
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
})

let passed = 0
let failed = 0
let skipped = 0
for (const file of reports()) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
}
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(nx.status !== 0 || failed > 0 || passed === 0 ? 1 : 0)
