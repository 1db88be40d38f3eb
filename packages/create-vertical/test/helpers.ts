import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { endWithTest } from '../../../testing/children'

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
export const CLI = join(PACKAGE_DIR, 'dist', 'cli.js')
export const GENERATOR_CLI = join(PACKAGE_DIR, '..', 'generator', 'bin', 'verticals.js')

/** How a spawned CLI exited and what it printed. */
export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs a node script with stdin a pipe that is never written or closed (as in CI: no terminal). */
export function runNode(script: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [script, ...args],
      { cwd, env: plainEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
    child.stdin?.write('')
    endWithTest(child)
  })
}

/** Runs the built create-vertical. */
export const createVertical = (args: readonly string[], cwd: string) => runNode(CLI, args, cwd)

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A temp directory removed after the test; `under` puts it inside that directory. */
export function tempDir(under: string = tmpdir()): string {
  const dir = mkdtempSync(join(under, '.cv-test-'))
  dirs.push(dir)
  return dir
}

/** Every file below `dir`, relative and `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(relative(dir, full).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** The test process's environment without colour switches: runners (nx, CI) set FORCE_COLOR. */
function plainEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...env } = process.env
  return { ...env, VERTICALS_DEBUG: '' }
}
