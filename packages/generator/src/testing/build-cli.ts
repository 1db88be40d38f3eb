import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// vitest globalSetup: CLI tests spawn the real bin/verticals.js, so build the dist/cli.cjs and
// dist/cli-bundle.cjs it runs when they are missing or older than the source. The packages it imports must be built already (nx builds them: test -> ^build).
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

/** Builds the CLI if needed, and fails early when a dependency has no build. */
export default function setup(): void {
  // The generator imports core only through its lean `@verticals/core/migrations` entry.
  const entries = { 'config-schema': 'index.js', core: 'migrations.js', templates: 'index.js' }
  for (const [dep, entry] of Object.entries(entries)) {
    if (!existsSync(join(packagesDir, dep, 'dist', entry))) {
      throw new Error(`@verticals/${dep} is not built; run \`npx nx run @verticals/generator:build\` first`)
    }
  }
  const built = ['cli.cjs', 'cli-bundle.cjs'].map((file) => join(packageDir, 'dist', file))
  const newest = newestSource(join(packageDir, 'src'))
  const stale = built.some((file) => !existsSync(file) || statSync(file).mtimeMs < newest)
  if (stale) execFileSync('npx', ['tsup'], { cwd: packageDir, stdio: 'ignore' })
}
