// Sums the vitest JSON reports of every package into one closing line that CI can read.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = ['packages', 'apps']
let passed = 0
let failed = 0
let skipped = 0
for (const root of roots) {
  if (!existsSync(root)) continue
  for (const name of readdirSync(root)) {
    const file = join(root, name, '.test-results.json')
    if (!existsSync(file)) continue
    const report = JSON.parse(readFileSync(file, 'utf8'))
    passed += report.numPassedTests ?? 0
    failed += report.numFailedTests ?? 0
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
