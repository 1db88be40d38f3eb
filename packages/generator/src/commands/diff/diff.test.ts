import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { EXAMPLE_CONFIG } from '../../testing/fixtures'
import { verticalsInProcess } from '../../testing/run-cli'
import { verticals } from '../../testing/spawn-cli'
import { tempDir } from '../../testing/temp-dir'
import { colorPatch } from './color'

async function editedBundle(): Promise<{ cwd: string; path: string }> {
  const cwd = tempDir()
  copyFileSync(EXAMPLE_CONFIG, join(cwd, 'platform.yaml'))
  // The bundle under test is set-up, not the subject: generated in process (the command under test spawns).
  await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
  const path = JSON.parse(readFileSync(join(cwd, 'bundle/manifest.json'), 'utf8')).files[0].path
  const file = join(cwd, 'bundle', path)
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, '\nhand-edit: true\n'))
  return { cwd, path }
}

const ESC = '\u001b['

describe('verticals diff', { timeout: timeoutFor({ generate: 4 }) }, () => {
  it('prints a unified diff of what generate would change, exit 0, plain when NO_COLOR is set', async () => {
    const { cwd, path } = await editedBundle()
    const run = await verticals(['diff', 'platform.yaml', '--out', 'bundle'], {
      cwd,
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`^--- a/${path}\n\\+\\+\\+ b/${path}\n@@ `))
    expect(run.stdout).toContain('\n-hand-edit: true\n')
    expect(run.stdout).not.toContain(ESC)
    expect(run.stderr).toContain('1 file(s) differ.')
  })

  it('colours the diff when asked to (FORCE_COLOR), as it does on a TTY', async () => {
    const { cwd } = await editedBundle()
    const run = await verticals(['diff', 'platform.yaml', '--out', 'bundle'], {
      cwd,
      env: { FORCE_COLOR: '1' },
    })
    expect(run.stdout).toContain(`${ESC}31m-hand-edit: true${ESC}0m`)
  })

  it('says there is nothing to show on an up-to-date bundle, and gives JSON with --json', async () => {
    const { cwd, path } = await editedBundle()
    const json = await verticals(['diff', 'platform.yaml', '--out', 'bundle', '--json'], { cwd })
    expect(JSON.parse(json.stdout).files).toEqual([expect.objectContaining({ path, status: 'modified' })])
    await verticals(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
    const clean = await verticals(['diff', 'platform.yaml', '--out', 'bundle'], { cwd })
    expect(clean).toMatchObject({ code: 0, stdout: '' })
    expect(clean.stderr).toContain('no differences')
  })
})

describe('colorPatch', () => {
  it('paints headers, hunks, removals and additions', () => {
    const painted = colorPatch('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n')
    expect(painted.split('\n')).toEqual([
      `${ESC}1m--- a/x${ESC}0m`,
      `${ESC}1m+++ b/x${ESC}0m`,
      `${ESC}36m@@ -1 +1 @@${ESC}0m`,
      `${ESC}31m-old${ESC}0m`,
      `${ESC}32m+new${ESC}0m`,
      ' same',
      '',
    ])
  })
})
