import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { endWithTest } from '../../../../testing/children'
import { PACKAGE_DIR } from './fixtures'
import { tempDir } from './temp-dir'

// A module-resolution hook that appends every resolved URL to a file. registerHooks' hooks run in the
// main thread for require() as for import, so the CLI's bundle requiring its dependencies is seen too.
const REGISTER = `import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context)
    appendFileSync(process.env.VERTICALS_LOADS_FILE, result.url + '\\n')
    return result
  },
})`

/**
 * What a Node run printed, how it exited, and every module URL it resolved (ESM) or required (CJS);
 * `modules` is empty when the trace file is gone (the test ended before the run did).
 */
export interface TracedRun {
  code: number
  stdout: string
  stderr: string
  modules: string[]
}

/** Runs `node <args>` in the generator package and records every module it imported or required. */
export function traceNode(args: readonly string[], options: { cwd?: string } = {}): Promise<TracedRun> {
  const file = join(tempDir(), 'loads.txt')
  writeFileSync(file, '')
  // FORCE_COLOR is dropped: runners (nx) set it, and Node warns on stderr when both it and NO_COLOR are set.
  const { FORCE_COLOR: _force, ...inherited } = process.env
  const env = { ...inherited, VERTICALS_LOADS_FILE: file, NO_COLOR: '1', VERTICALS_DEBUG: '' }
  const nodeArgs = ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, ...args]
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      nodeArgs,
      { cwd: options.cwd ?? PACKAGE_DIR, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0
        resolve({ code, stdout, stderr, modules: readLoads(file) })
      },
    )
    endWithTest(child)
  })
}

// The trace file is gone when the test ended (and its temp dir was removed) before the child did.
function readLoads(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean)
  } catch {
    return []
  }
}

/** The packages of `names` (e.g. `pg`, `@aws-sdk/client-s3`) that appear among loaded module paths. */
export function loadedPackages(modules: readonly string[], names: readonly string[]): string[] {
  return names.filter((name) =>
    modules.some((m) => m.replaceAll('\\', '/').includes(`/node_modules/${name}/`)),
  )
}
