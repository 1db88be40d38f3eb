import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeRun, type RunResult } from './processes.ts'
import { assertBuilt, publishWorkspace } from './publish.ts'
import { createSandbox, type Sandbox } from './sandbox.ts'
import { projectPins, scaffolderNotReady, workflowCheckCommand } from './scaffold.ts'
import { listPublicPackages, repoRoot } from './workspace.ts'

const packages = listPublicPackages()
const released = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]))
const exampleConfig = join(repoRoot, 'examples', 'argentina-marketplace', 'platform.yaml')
let sandbox: Sandbox | undefined

/** The sandbox, which beforeAll created (a failed beforeAll fails every test before this runs). */
const box = () => sandbox!

/** Runs one step in the sandbox and fails the test with its output unless it exits 0. */
async function step(
  label: string,
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<RunResult> {
  const result = await box().run(command, args, cwd, 10 * 60_000)
  expect(result.code, describeRun(label, result)).toBe(0)
  return result
}

/** Every tarball a lockfile resolved, which must all come from the local registry. */
function resolvedUrls(projectDir: string): string[] {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; link?: boolean }>
  }
  return Object.values(lock.packages).flatMap((entry) => (entry.resolved ? [entry.resolved] : []))
}

/** The version of `name` that npm installed into a project. */
function installedVersion(projectDir: string, name: string): string {
  const manifest = readFileSync(join(projectDir, 'node_modules', name, 'package.json'), 'utf8')
  return (JSON.parse(manifest) as { version: string }).version
}

describe('the packages, installed from a real registry', () => {
  beforeAll(async () => {
    assertBuilt(packages)
    sandbox = await createSandbox()
    await publishWorkspace(sandbox, packages)
  })

  afterAll(async () => {
    await sandbox?.dispose()
  })

  it('installs the verticals CLI into an empty project and validates, generates and checks a config', async () => {
    const project = box().directory('cli-user')
    await step('npm init', 'npm', ['init', '-y'], project)
    await step('npm install', 'npm', ['install', '@verticals/generator'], project)
    const urls = resolvedUrls(project)
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.filter((url) => !url.startsWith(box().registry.url))).toEqual([])
    expect(installedVersion(project, '@verticals/generator')).toBe(released.get('@verticals/generator'))

    copyFileSync(exampleConfig, join(project, 'platform.yaml'))
    await step('verticals validate', 'npx', ['--yes', 'verticals', 'validate', 'platform.yaml'], project)
    await step(
      'verticals generate',
      'npx',
      ['verticals', 'generate', 'platform.yaml', '--out', 'bundle'],
      project,
    )
    expect(
      existsSync(join(project, 'bundle', 'manifest.json')),
      'generate wrote no bundle/manifest.json',
    ).toBe(true)
    await step('verticals check', 'npx', ['verticals', 'check', 'platform.yaml', '--out', 'bundle'], project)
  })

  it('scaffolds a fitness service with npx create-vertical that installs, passes its tests and its bundle check', async () => {
    const notReady = await scaffolderNotReady()
    expect(notReady, 'the create-vertical step needs packages/create-vertical built').toBeUndefined()

    const workspace = box().directory('scaffold')
    const registry = box().registry.url
    const scaffold = [
      '--yes',
      '--registry',
      registry,
      'create-vertical',
      'my-svc',
      '--vertical',
      'fitness',
      '--yes',
    ]
    await step('npx create-vertical', 'npx', scaffold, workspace)
    const project = join(workspace, 'my-svc')
    const pins = Object.entries(projectPins(project)).filter(([name]) => name.startsWith('@verticals/'))
    expect(pins.length, 'the scaffold depends on no @verticals package').toBeGreaterThan(0)
    for (const [name, version] of pins)
      expect(version, `${name} in my-svc/package.json`).toBe(released.get(name))
    // The scaffold's dev tools (vitest, typescript...) come from the same offline registry.
    await box().mirror(Object.keys(projectPins(project)).map((name) => ({ name, fromDir: repoRoot })))

    await step('npm install', 'npm', ['install'], project)
    expect(resolvedUrls(project).filter((url) => !url.startsWith(registry))).toEqual([])
    await step('npm test', 'npm', ['test'], project)
    const check = workflowCheckCommand(project)
    await step(check, 'sh', ['-c', check], project)
  })
})
