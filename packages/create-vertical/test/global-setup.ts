import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// CLI tests spawn the real dist/cli.js: build it when missing or older than the source. The
// packages it imports must be built (nx does it: test -> build -> ^build).
const packageDir = fileURLToPath(new URL('..', import.meta.url))

function newest(dir: string): number {
  let time = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    time = Math.max(time, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return time
}

/** Builds dist/cli.js if needed; fails early when the generator has no build. */
export default function setup(): void {
  const generator = join(packageDir, '..', 'generator', 'dist', 'index.js')
  if (!existsSync(generator)) {
    throw new Error('@verticals/generator is not built; run `npx nx run create-vertical:build` first')
  }
  const cli = join(packageDir, 'dist', 'cli.js')
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(packageDir, 'src'))) {
    execFileSync('npx', ['tsup'], { cwd: packageDir, stdio: 'ignore' })
  }
}
