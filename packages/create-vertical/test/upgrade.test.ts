import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { createVertical, GENERATOR_CLI, listFiles, runNode, tempDir } from './helpers'

const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

describe('create-vertical --force --dry-run over an existing scaffold (same version: the merge keeps every edit)', {
  timeout: timeoutFor({ scaffold: 2, generate: 1 }),
}, () => {
  it('says the project is up to date when nothing would change', async () => {
    const cwd = tempDir()
    await createVertical(['svc', '--vertical', 'barber', '--yes'], cwd)
    const run = await createVertical(['svc', '--vertical', 'barber', '--yes', '--force', '--dry-run'], cwd)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('svc is up to date with this version of create-vertical')
  })

  it('shows as a unified diff what the merge changes, keeps your edits and deletions, and writes nothing', async () => {
    const cwd = tempDir()
    await createVertical(['svc', '--vertical', 'barber', '--yes'], cwd)
    const project = join(cwd, 'svc')
    writeFileSync(join(project, 'README.md'), '# svc\n\nOur own notes.\n')
    const runbook = 'barber/runbooks/incident-response.md'
    writeFileSync(join(project, 'bundle', runbook), 'edited by hand\n')
    rmSync(join(project, 'src', 'store.js'))
    writeFileSync(join(project, 'src', 'extra.js'), 'export const ours = 1\n')
    const before = snapshot(cwd)

    const run = await createVertical(['svc', '--vertical', 'barber', '--yes', '--force', '--dry-run'], cwd)
    expect(run.code).toBe(0)
    expect(snapshot(cwd)).toEqual(before)
    // The template did not change README.md or src/store.js, so your edit and your deletion stand.
    expect(run.stdout).not.toContain('README.md')
    expect(run.stdout).not.toContain('store.js')
    expect(run.stdout).not.toContain('extra.js')
    // The bundle is generated, never edited: it is compared as `verticals diff` compares it.
    expect(run.stderr).toContain('0 added, 1 modified, 0 removed')

    const bundleDiff = await runNode(GENERATOR_CLI, ['diff', 'platform.yaml', '--out', 'bundle'], project)
    const generatorPatch = bundleDiff.stdout.replace(/^(---|\+\+\+) ([ab])\//gm, '$1 $2/bundle/')
    expect(generatorPatch).toContain(`--- a/bundle/${runbook}`)
    expect(run.stdout).toBe(generatorPatch)
  })
})
