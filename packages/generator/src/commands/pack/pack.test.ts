import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { x as extract } from 'tar'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { EXAMPLE_CONFIG } from '../../testing/fixtures'
import { hasStackTrace, verticals } from '../../testing/spawn-cli'
import { tempDir } from '../../testing/temp-dir'

function project(): string {
  const cwd = tempDir()
  copyFileSync(EXAMPLE_CONFIG, join(cwd, 'platform.yaml'))
  return cwd
}

// A test packs (renders and gzips the bundle) up to twice and verifies up to three times.
describe('verticals pack and verify (the built binary)', {
  timeout: timeoutFor({ generate: 2, cli: 3 }),
}, () => {
  it('packs one tarball per vertical, byte-identical on a second run, and verify accepts the unpacked package', async () => {
    const cwd = project()
    const run = await verticals(
      ['pack', 'platform.yaml', '--out', 'packages', '--vertical', 'psychology', '--json'],
      {
        cwd,
      },
    )
    expect(run.code, run.stderr).toBe(0)
    const packages = JSON.parse(run.stdout).packages as { name: string; path: string }[]
    // The platform-wide files (Alertmanager, the shared stores) are packed with every run, as their own package.
    expect(packages.map((p) => p.name)).toEqual(['@turnos/platform-bundle', '@turnos/psychology-bundle'])
    const pkg = packages.find((p) => p.name === '@turnos/psychology-bundle') as { path: string }
    expect(pkg).toMatchObject({
      name: '@turnos/psychology-bundle',
      version: '1.0.0',
      path: join('packages', 'turnos-psychology-bundle-1.0.0.tgz'),
    })
    expect(readdirSync(join(cwd, 'packages'))).toEqual([
      'turnos-platform-bundle-1.0.0.tgz',
      'turnos-psychology-bundle-1.0.0.tgz',
    ])
    const first = readFileSync(join(cwd, pkg.path))
    const again = await verticals(
      ['pack', 'platform.yaml', '--out', 'packages', '--vertical', 'psychology'],
      { cwd },
    )
    expect(again.stdout).toContain(`@turnos/psychology-bundle@1.0.0  ${pkg.path}`)
    expect(readFileSync(join(cwd, pkg.path)).equals(first)).toBe(true)

    mkdirSync(join(cwd, 'unpacked'))
    await extract({ file: join(cwd, pkg.path), cwd: join(cwd, 'unpacked'), strip: 1 })
    const ok = await verticals(['verify', 'unpacked'], { cwd })
    expect(ok.code, ok.stdout).toBe(0)
  })

  it('verify exits 0 on an intact package and 1 listing a tampered file, without a stack trace', async () => {
    const cwd = project()
    expect(
      (await verticals(['pack', 'platform.yaml', '--out', '.', '--vertical', 'barber'], { cwd })).code,
    ).toBe(0)
    const dir = join(cwd, 'node_modules', '@turnos', 'barber-bundle')
    mkdirSync(dir, { recursive: true })
    await extract({ file: join(cwd, 'turnos-barber-bundle-1.0.0.tgz'), cwd: dir, strip: 1 })
    const ok = await verticals(['verify', 'node_modules/@turnos/barber-bundle'], { cwd })
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/^@turnos\/barber-bundle 1\.0\.0: \d+ file\(s\) match manifest\.json/)

    appendFileSync(join(dir, 'monitoring', 'prometheus', 'alerts.rules.yaml'), '# tampered\n')
    const bad = await verticals(['verify', 'node_modules/@turnos/barber-bundle'], { cwd })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe(
      'modified  node_modules/@turnos/barber-bundle/monitoring/prometheus/alerts.rules.yaml\n',
    )
    expect(bad.stderr).toContain('does not match its manifest.json (1 file(s))')
    expect(hasStackTrace(bad.stderr)).toBe(false)
    const json = await verticals(['verify', 'node_modules/@turnos/barber-bundle', '--json'], { cwd })
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ problem: 'modified' }] })
  })

  it('refuses a config whose package names npm would refuse, at file:line:col, before writing anything', async () => {
    const cwd = project()
    const config = join(cwd, 'platform.yaml')
    const text = readFileSync(config, 'utf8').replace(
      '  version: 1.0.0',
      '  version: 1.0.0\n  npm: { name: "{vertical}!" }',
    )
    writeFileSync(config, text)
    const run = await verticals(['pack', 'platform.yaml', '--out', 'packages'], { cwd })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^platform\.yaml:\d+:\d+ {2}metadata\.npm\.name {2}gives "@turnos\/barber!"/m)
    expect(readdirSync(cwd)).toEqual(['platform.yaml'])
  })
})
