import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { EXAMPLE_CONFIG } from '../../testing/fixtures'
import { verticalsInProcess } from '../../testing/run-cli'
import { verticals } from '../../testing/spawn-cli'
import { tempDir } from '../../testing/temp-dir'

async function generated(): Promise<string> {
  const cwd = tempDir()
  copyFileSync(EXAMPLE_CONFIG, join(cwd, 'platform.yaml'))
  // The bundle under test is set-up, not the subject: generated in process (the command under test spawns).
  const run = await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
  if (run.code !== 0) throw new Error(run.stderr)
  return cwd
}

const firstFile = (cwd: string): string =>
  JSON.parse(readFileSync(join(cwd, 'bundle/manifest.json'), 'utf8')).files[0].path

describe('verticals check', { timeout: timeoutFor({ generate: 3 }) }, () => {
  it('exits 0 on a fresh bundle', async () => {
    const cwd = await generated()
    const run = await verticals(['check', 'platform.yaml', '--out', 'bundle'], { cwd })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('bundle is up to date with platform.yaml.\n')
  })

  it('exits 1 naming a file edited by hand, and lists missing and extra files', async () => {
    const cwd = await generated()
    const edited = firstFile(cwd)
    writeFileSync(
      join(cwd, 'bundle', edited),
      `${readFileSync(join(cwd, 'bundle', edited), 'utf8')}# tweak\n`,
    )
    writeFileSync(join(cwd, 'bundle/barber/extra.yaml'), 'a: 1\n')
    const run = await verticals(['check', 'platform.yaml', '--out', 'bundle'], { cwd })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(`drifted  bundle/${edited}\nextra    bundle/barber/extra.yaml\n`)
    expect(run.stderr).toContain('verticals diff platform.yaml --out bundle')
    const json = await verticals(['check', 'platform.yaml', '--out', 'bundle', '--json'], { cwd })
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({
      outDir: 'bundle',
      upToDate: false,
      drifted: [edited],
      missing: [],
      extra: ['barber/extra.yaml'],
    })
  })

  it('exits 0 after a comment edit, and 1 naming the files of the one vertical an edit changed', async () => {
    const cwd = await generated()
    const file = join(cwd, 'platform.yaml')
    const text = readFileSync(file, 'utf8')
    // A comment changes what no vertical resolves: no file would change, so nothing drifts.
    writeFileSync(file, `${text}# a comment\n`)
    expect((await verticals(['check', 'platform.yaml', '--out', 'bundle'], { cwd })).code).toBe(0)
    writeFileSync(
      file,
      text.replace(
        'kind: http, autoscaling: { minReplicas: 5,',
        'kind: http, autoscaling: { minReplicas: 6,',
      ),
    )
    const run = await verticals(['check', 'platform.yaml', '--out', 'bundle'], { cwd })
    expect(run.code).toBe(1)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toContain('drifted  bundle/barber/infrastructure/kubernetes/runtime-config.yaml')
    expect(lines).toContain('drifted  bundle/manifest.json')
    expect(lines.filter((line) => !line.startsWith('drifted  bundle/barber/'))).toEqual([
      'drifted  bundle/manifest.json',
    ])
  })

  it('exits 1 when the bundle does not exist, and 1 for an invalid config', async () => {
    const cwd = await generated()
    const missing = await verticals(['check', 'platform.yaml', '--out', 'nowhere'], { cwd })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain('missing  nowhere/manifest.json')
    writeFileSync(join(cwd, 'bad.yaml'), 'apiVersion: verticals/v1\nkind: Platform\nnope: 1\n')
    const invalid = await verticals(['check', 'bad.yaml', '--out', 'bundle'], { cwd })
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toMatch(/^bad\.yaml:3:1 {2}nope {2}unknown key/m)
  })
})
