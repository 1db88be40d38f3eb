import { execFile } from 'node:child_process'
import { endWithTest } from '../../../../testing/children'
import { PACKAGE_DIR } from './fixtures'

/** What a CLI run printed and how it exited. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the `verticals` binary (node bin/verticals.js, which runs the build) with the given arguments. */
export function verticals(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  // Colour switches are removed, not emptied: Node 22 and later warn when both are set, even empty.
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...inherited } = process.env
  const env = { ...inherited, VERTICALS_DEBUG: '', ...options.env }
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [`${PACKAGE_DIR}bin/verticals.js`, ...args],
      { cwd: options.cwd ?? PACKAGE_DIR, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0
        resolve({ code, stdout, stderr })
      },
    )
    endWithTest(child)
  })
}

/** True when text contains a stack-trace frame. */
export const hasStackTrace = (text: string): boolean => /^\s+at /m.test(text)
