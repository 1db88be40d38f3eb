import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './workspace.ts'

const ESC = '\u001b'
const colourful = `process.stdout.write('${ESC}[32mgreen${ESC}[39m\\n'); process.stderr.write('${ESC}[1mbold${ESC}[22m')`
const plainOutput = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['scripts/plain-output.mjs', process.execPath, '-e', colourful], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })

describe('scripts/plain-output.mjs', () => {
  it('removes colour codes from a command writing into a pipe, and keeps its exit code', () => {
    const run = plainOutput()
    expect(run.stdout).toBe('green\n')
    expect(run.stderr).toBe('bold')
    expect(run.status).toBe(0)
    const failing = spawnSync(
      process.execPath,
      ['scripts/plain-output.mjs', process.execPath, '-e', 'process.exit(3)'],
      {
        cwd: repoRoot,
      },
    )
    expect(failing.status).toBe(3)
  })

  it('wraps the root build and generate scripts, whose nx replays colour into logs', () => {
    const { scripts } = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(scripts.build).toMatch(/^node scripts\/plain-output\.mjs nx /)
    expect(scripts.generate).toMatch(/^node scripts\/plain-output\.mjs nx /)
  })
})
