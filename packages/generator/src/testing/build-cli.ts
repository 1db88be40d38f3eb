import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// vitest globalSetup: CLI tests spawn the real dist/cli.js, so build it when it is missing or older
// than the source. The packages it imports must be built already (nx builds them: test -> ^build).
const packageDir = fileURLToPath(new URL('../../', import.meta.url))
const packagesDir = join(packageDir, '..')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else if (!/\.(test|bench)\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

/** Builds dist/cli.js if needed, and fails early when a dependency has no build. */
export default function setup(): void {
  // The generator imports core only through its lean `@verticals/core/migrations` entry.
  const entries = { 'config-schema': 'index.js', core: 'migrations.js', templates: 'index.js' }
  for (const [dep, entry] of Object.entries(entries)) {
    if (!existsSync(join(packagesDir, dep, 'dist', entry))) {
      throw new Error(`@verticals/${dep} is not built; run \`npx nx run @verticals/generator:build\` first`)
    }
  }
  const cli = join(packageDir, 'dist', 'cli.js')
  const stale = !existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(packageDir, 'src'))
  if (stale) execFileSync('npx', ['tsup'], { cwd: packageDir, stdio: 'ignore' })
}
