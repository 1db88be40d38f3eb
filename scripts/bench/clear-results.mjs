// `npm run bench` starts here: every package's .bench-results.json is removed, so BENCHMARKS.md holds
// this run's results only (a renamed or removed benchmark would otherwise keep its old row).
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

for (const root of ['packages', 'apps', 'tools']) {
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    rmSync(join(root, name, '.bench-results.json'), { force: true })
  }
}
