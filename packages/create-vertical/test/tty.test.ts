import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { endWithTest } from '../../../testing/children'
import { timeoutFor } from '../../../testing/costs'
import { CLI, tempDir } from './helpers'

const hasScript = existsSync('/usr/bin/script')
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g')

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`, sized with stty: a 0-column terminal
 * wraps every character) and answers each question once its text appears: the prompts a person
 * sees, not a mock.
 */
function onTerminal(
  cwd: string,
  dialogue: readonly [string, string][],
  args = '',
): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      'script',
      ['-qfec', `stty cols 120 rows 40; ${process.execPath} ${CLI} ${args}`, '/dev/null'],
      {
        cwd,
        env: { ...process.env, TERM: 'xterm' },
      },
    )
    let screen = ''
    let step = 0
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString().replace(ANSI, '')
      const next = dialogue[step]
      if (next && screen.includes(next[0])) {
        step += 1
        child.stdin.write(next[1])
      }
    })
    endWithTest(child)
    child.on('exit', (code) => resolve({ code, screen }))
  })
}

describe.runIf(hasScript)('create-vertical on a terminal', { timeout: timeoutFor({ scaffold: 1 }) }, () => {
  it('asks for the directory, the vertical, the name and the region, then scaffolds', async () => {
    const cwd = tempDir()
    const down = '\u001b[B'
    const run = await onTerminal(cwd, [
      ['Where should the project be created?', 'studio\r'],
      ['Which vertical does the service run?', `${down}${down}\r`], // barber, psychology, beauty
      ['Service name?', '\r'],
      ['Primary AWS region?', '\r'],
    ])
    expect(run.screen).toContain('Created a beauty service in studio')
    expect(run.screen).toContain('Rendering the beauty template and its bundle: done')
    expect(run.code).toBe(0)
    expect(readFileSync(join(cwd, 'studio', 'platform.yaml'), 'utf8')).toContain('\n  beauty:\n')
    expect(JSON.parse(readFileSync(join(cwd, 'studio', 'package.json'), 'utf8')).name).toBe('studio')
  })

  it('with --yes asks nothing: a missing --vertical is an error naming the flag', async () => {
    const run = await onTerminal(tempDir(), [], 'svc --yes')
    expect(run.screen).toContain('missing --vertical')
    expect(run.code).toBe(2)
  })
})
