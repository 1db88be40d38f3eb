import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { createVertical } from '../src/create-vertical'
import type { ScaffoldOptions } from '../src/options'
import { noPrompts } from '../src/prompts'
import { listFiles, tempDir } from './helpers'

const options = (dir: string, extra: Partial<ScaffoldOptions> = {}): ScaffoldOptions => ({
  dir,
  vertical: 'barber',
  yes: true,
  dryRun: false,
  force: true,
  help: false,
  version: false,
  ...extra,
})

function io(cwd: string) {
  const out: string[] = []
  return {
    out,
    io: {
      cwd,
      stdout: (t: string) => out.push(t),
      stderr: () => undefined,
      prompter: noPrompts,
      interactive: false,
    },
  }
}

describe('writing over an existing directory', { timeout: timeoutFor({ scaffold: 2 }) }, () => {
  it('undoes every file it swapped in when one cannot be written, leaving no temporary directory', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'svc'))
    writeFileSync(join(cwd, 'svc', 'README.md'), 'their readme\n')
    // A file where the template needs a directory: src/app.js cannot be moved in.
    writeFileSync(join(cwd, 'svc', 'src'), 'not a directory\n')
    const before = listFiles(cwd)
    const { io: sink } = io(cwd)
    await expect(createVertical(options('svc'), sink)).rejects.toThrow()
    expect(listFiles(cwd)).toEqual(before)
    expect(readFileSync(join(cwd, 'svc', 'README.md'), 'utf8')).toBe('their readme\n')
  })

  it('replaces the bundle as a whole, so files the config no longer generates disappear', async () => {
    const cwd = tempDir()
    const { io: sink } = io(cwd)
    await createVertical(options('svc', { force: false }), sink)
    writeFileSync(join(cwd, 'svc', 'bundle', 'barber', 'stale.yaml'), 'old: true\n')
    await createVertical(options('svc'), sink)
    expect(listFiles(join(cwd, 'svc', 'bundle'))).not.toContain('barber/stale.yaml')
  })
})
