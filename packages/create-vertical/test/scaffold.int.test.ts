import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { endWithTest } from '../../../testing/children'
import { timeoutFor } from '../../../testing/costs'
import { createVertical, GENERATOR_CLI, PACKAGE_DIR, runNode, tempDir } from './helpers'

/** Runs the scaffold's own `npm test` command (node --test) and returns how it went. */
function scaffoldTests(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--test', '--test-concurrency=1', 'test/**/*.test.js'],
      { cwd: project },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          output: stdout + stderr,
        }),
    )
    endWithTest(child)
  })
}

describe('a scaffolded project', () => {
  // Inside the workspace, the scaffold resolves @verticals/* to the built packages, as an
  // install from the registry would (tools/e2e does that part against a real registry).
  it.each(['fitness', 'psychology'])(
    'passes its own tests against PostgreSQL and Redis, and its bundle check (%s)',
    async (vertical) => {
      const cwd = tempDir(PACKAGE_DIR)
      const made = await createVertical(['svc', '--vertical', vertical, '--yes'], cwd)
      expect(made.code, made.stderr).toBe(0)
      const project = join(cwd, 'svc')
      const tests = await scaffoldTests(project)
      // TAP (`# fail 0`) or, from Node 24 on, the spec reporter (`ℹ fail 0`).
      expect(tests.output).toMatch(/^[#ℹ] fail 0$/m)
      expect(tests.code, tests.output).toBe(0)
      const check = await runNode(GENERATOR_CLI, ['check', 'platform.yaml', '--out', 'bundle'], project)
      expect(check.code, check.stderr).toBe(0)
    },
    timeoutFor({ scaffold: 1, scaffoldTests: 1, generate: 1 }),
  )
})
