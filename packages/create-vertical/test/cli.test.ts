import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { readTemplate } from '../src/template-files'
import { createVertical, GENERATOR_CLI, listFiles, PACKAGE_DIR, runNode, tempDir } from './helpers'

const ownDeps = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).dependencies as Record<
  string,
  string
>

// A test scaffolds at most twice and runs `verticals check` once.
describe('create-vertical', { timeout: timeoutFor({ scaffold: 2, generate: 1 }) }, () => {
  it('documents its flags with --help', async () => {
    const run = await createVertical(['--help'], tempDir())
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('--vertical <name>   barber, psychology, beauty, fitness')
    expect(run.stdout).toContain('--dry-run')
    const version = await createVertical(['--version'], tempDir())
    expect(version.stdout).toBe(
      `${JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version}\n`,
    )
  })

  it('scaffolds a project: the template files, dotfiles renamed, plus the generated bundle that passes `verticals check`', async () => {
    const cwd = tempDir()
    const run = await createVertical(['my-svc', '--vertical', 'fitness', '--yes'], cwd)
    expect(run.stderr + run.stdout).not.toContain('unexpected')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Created a fitness service in my-svc')
    const project = join(cwd, 'my-svc')
    const files = listFiles(project)
    const fromTemplate = [...(await readTemplate()).keys()].sort()
    expect(fromTemplate).toContain('.gitignore')
    expect(fromTemplate).toContain('.github/workflows/platform.yml')
    // Plus the record an upgrade reads: the version that wrote the scaffold and its answers.
    expect(files.filter((f) => !f.startsWith('bundle/'))).toEqual(
      [...fromTemplate, '.create-vertical.json'].sort(),
    )
    expect(JSON.parse(readFileSync(join(project, '.create-vertical.json'), 'utf8'))).toEqual({
      version: JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version,
      vertical: 'fitness',
      name: 'my-svc',
      region: 'sa-east-1',
    })
    expect(files).toContain('bundle/manifest.json')
    expect(files).toContain('bundle/fitness/compliance/consent.json')
    expect(listFiles(cwd).every((f) => f.startsWith('my-svc/'))).toBe(true)

    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'))
    expect(manifest.name).toBe('my-svc')
    const pins = { ...manifest.dependencies, ...manifest.devDependencies } as Record<string, string>
    const ours = Object.entries(pins).filter(([name]) => name.startsWith('@verticals/'))
    expect(ours.map(([name]) => name).sort()).toEqual([
      '@verticals/config-schema',
      '@verticals/core',
      '@verticals/generator',
      '@verticals/observability',
    ])
    for (const [name, version] of ours) expect(version).toBe(ownDeps[name])
    // Third-party pins are the ones the platform packages use, so one copy is installed.
    const core = JSON.parse(readFileSync(join(PACKAGE_DIR, '..', 'core', 'package.json'), 'utf8'))
    expect(pins.pg).toBe(core.dependencies.pg)
    expect(pins.ioredis).toBe(core.dependencies.ioredis)

    const yaml = readFileSync(join(project, 'platform.yaml'), 'utf8')
    expect(yaml.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=node_modules/@verticals/config-schema/schema.json',
    )
    expect(yaml).toContain('\n  fitness:\n')
    expect(readFileSync(join(project, 'README.md'), 'utf8').split('\n')[0]).toBe('# my-svc')
    const check = await runNode(GENERATOR_CLI, ['check', 'platform.yaml', '--out', 'bundle'], project)
    expect(check.stdout).toBe('bundle is up to date with platform.yaml.\n')
  })

  it('lists the files with --dry-run and writes nothing', async () => {
    const cwd = tempDir()
    const dry = await createVertical(['svc', '--vertical', 'barber', '--yes', '--dry-run'], cwd)
    expect(dry.code).toBe(0)
    expect(existsSync(join(cwd, 'svc'))).toBe(false)
    expect(listFiles(cwd)).toEqual([])
    await createVertical(['svc', '--vertical', 'barber', '--yes'], cwd)
    expect(dry.stdout.trim().split('\n')).toEqual(listFiles(join(cwd, 'svc')))
    expect(dry.stderr).toContain('nothing was written')
  })

  it('refuses a non-empty directory without --force and leaves it as it was', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'taken'))
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine\n')
    const run = await createVertical(['taken', '--vertical', 'beauty', '--yes'], cwd)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('taken is not empty; nothing was written')
    expect(run.stderr).toContain('--force')
    expect(listFiles(cwd)).toEqual(['taken/notes.txt'])
  })

  it('treats a directory holding only .git (after git init) as empty, and keeps the repository', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'svc', '.git'), { recursive: true })
    writeFileSync(join(cwd, 'svc', '.git', 'HEAD'), 'ref: refs/heads/main\n')
    const run = await createVertical(['svc', '--vertical', 'barber', '--yes'], cwd)
    expect(run.code, run.stderr).toBe(0)
    expect(readFileSync(join(cwd, 'svc', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n')
    expect(existsSync(join(cwd, 'svc', 'platform.yaml'))).toBe(true)
  })

  it('scaffolds into a non-empty directory with --force, keeping the files it does not own', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'svc', '.git'), { recursive: true })
    writeFileSync(join(cwd, 'svc', '.git', 'HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(cwd, 'svc', 'README.md'), 'old readme\n')
    const run = await createVertical(['svc', '--vertical', 'psychology', '--yes', '--force'], cwd)
    expect(run.code).toBe(0)
    expect(readFileSync(join(cwd, 'svc', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n')
    expect(readFileSync(join(cwd, 'svc', 'README.md'), 'utf8')).toMatch(/^# svc\n/)
    expect(existsSync(join(cwd, 'svc', 'bundle', 'psychology'))).toBe(true)
    expect(listFiles(cwd).filter((f) => f.includes('create-vertical-'))).toEqual([])
  })

  it('without a terminal, fails at once naming the missing flag instead of asking', async () => {
    const cwd = tempDir()
    const started = Date.now()
    const noVertical = await createVertical(['svc'], cwd)
    expect(noVertical.code).toBe(2)
    expect(noVertical.stderr).toContain('missing --vertical')
    expect(noVertical.stderr).toContain('barber, psychology, beauty, fitness')
    const noDir = await createVertical(['--vertical', 'barber'], cwd)
    expect(noDir.code).toBe(2)
    expect(noDir.stderr).toContain('missing <dir>')
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(listFiles(cwd)).toEqual([])
  })

  it('rejects an unknown vertical with the list of valid ones, and bad flags as usage errors', async () => {
    const cwd = tempDir()
    const run = await createVertical(['svc', '--vertical', 'dentist', '--yes'], cwd)
    expect(run).toMatchObject({ code: 2, stdout: '' })
    expect(run.stderr).toBe(
      'create-vertical: "dentist" isn\'t a valid vertical. Choose one of: barber, psychology, beauty, fitness\n' +
        'hint: Pass --vertical barber (or another from the list).\n',
    )
    const region = await createVertical(['svc', '--vertical', 'barber', '--region', 'mars-1', '--yes'], cwd)
    expect(region.code).toBe(2)
    expect(region.stderr).toContain('--region "mars-1": unknown AWS region')
    const unknown = await createVertical(['svc', '--colour', 'blue'], cwd)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe(
      'create-vertical: unknown option --colour (create-vertical takes --vertical, --name, --region, --yes, --dry-run, --force, --upgrade, --base, --help and --version)\n' +
        'hint: Run `create-vertical --help` for the options.\n',
    )
    expect(listFiles(cwd)).toEqual([])
  })

  it('suggests the vertical, region and option a typo meant', async () => {
    const cwd = tempDir()
    const vertical = await createVertical(['svc', '--vertical', 'fitnes', '--yes'], cwd)
    expect(vertical).toMatchObject({ code: 2, stdout: '' })
    expect(vertical.stderr).toBe(
      'create-vertical: "fitnes" isn\'t a valid vertical (did you mean "fitness"?). Choose one of: barber, psychology, beauty, fitness\n' +
        'hint: Pass --vertical fitness.\n',
    )
    const region = await createVertical(['svc', '--vertical', 'barber', '--region', 'sa-east1', '--yes'], cwd)
    expect(region.stderr).toBe(
      'create-vertical: --region "sa-east1": unknown AWS region (did you mean sa-east-1?)\n',
    )
    const flag = await createVertical(['svc', '--vertical', 'barber', '--dryrun'], cwd)
    expect(flag.stderr).toBe(
      'create-vertical: unknown option --dryrun (did you mean --dry-run?)\nhint: Run `create-vertical --help` for the options.\n',
    )
    const value = await createVertical(['svc', '--vertical'], cwd)
    expect(value.stderr).toBe(
      'create-vertical: --vertical needs a value: --vertical <barber|psychology|beauty|fitness>\nhint: Run `create-vertical --help` for the options.\n',
    )
    expect(listFiles(cwd)).toEqual([])
  })
})
