import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { createVertical, GENERATOR_CLI, listFiles, runNode, tempDir } from './helpers'

const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

describe('create-vertical --force --dry-run over an existing scaffold', {
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

  it('prints a unified diff of what would change, the bundle part as `verticals diff` prints it, and writes nothing', async () => {
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
    expect(run.stdout).toContain('--- a/README.md\n+++ b/README.md\n')
    expect(run.stdout).toContain('-Our own notes.\n')
    expect(run.stdout).toContain('--- /dev/null\n+++ b/src/store.js\n')
    expect(run.stdout).not.toContain('extra.js')
    expect(run.stderr).toContain('1 added, 2 modified, 0 removed')

    const bundleDiff = await runNode(GENERATOR_CLI, ['diff', 'platform.yaml', '--out', 'bundle'], project)
    const generatorPatch = bundleDiff.stdout.replace(/^(---|\+\+\+) ([ab])\//gm, '$1 $2/bundle/')
    expect(generatorPatch).toContain(`--- a/bundle/${runbook}`)
    expect(run.stdout).toContain(generatorPatch)
  })
})
