import { appendFileSync, copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeRun, type RunResult } from './processes.ts'
import { createSandbox, type Sandbox } from './sandbox.ts'
import { repoRoot } from './workspace.ts'

// The bundles of the four-vertical example as npm packages: published to the throwaway registry with
// the workspace's own verticals CLI, installed at a pinned version by a fresh consumer project.
const cli = join(repoRoot, 'packages', 'generator', 'bin', 'verticals.js')
const exampleConfig = join(repoRoot, 'examples', 'argentina-marketplace', 'platform.yaml')
const PSYCHOLOGY = '@turnos/psychology-bundle'
let sandbox: Sandbox | undefined

const box = () => sandbox!
const verticals = (args: readonly string[], cwd: string) => box().run(process.execPath, [cli, ...args], cwd)

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

/** What the registry holds for name@version: its tarball integrity, or '' when there is none. */
async function publishedIntegrity(name: string, cwd: string): Promise<string> {
  const view = await box().run('npm', ['view', `${name}@1.0.0`, 'dist.integrity'], cwd)
  return view.stdout.trim()
}

describe('bundles as versioned npm packages, through a real registry', () => {
  beforeAll(async () => {
    sandbox = await createSandbox()
  })

  afterAll(async () => {
    await sandbox?.dispose()
  })

  it('publishes the four bundles and the platform’s, installs psychology pinned, verifies it, and refuses changed bytes', async () => {
    const registry = box().registry.url
    const platform = box().directory('platform')
    copyFileSync(exampleConfig, join(platform, 'platform.yaml'))
    const publishArgs = ['publish', 'platform.yaml', '--registry', registry]

    const first = await verticals([...publishArgs, '--json'], platform)
    expect(first.code, describeRun('verticals publish --registry', first)).toBe(0)
    const packages = JSON.parse(first.stdout).packages as { name: string; status: string }[]
    expect(packages.map((p) => [p.name, p.status])).toEqual(
      // platform-bundle: the files built once for the whole platform (its one Alertmanager config).
      ['barber', 'beauty', 'fitness', 'platform', 'psychology'].map((v) => [
        `@turnos/${v}-bundle`,
        'published',
      ]),
    )
    const integrity = await publishedIntegrity(PSYCHOLOGY, platform)
    expect(integrity).toMatch(/^sha512-/)

    // Identical bytes again: a no-op, also in a dry run.
    const again = await verticals(publishArgs, platform)
    expect(again.code, describeRun('republish', again)).toBe(0)
    expect(again.stdout.match(/: unchanged/g)).toHaveLength(5)
    const dry = await verticals([...publishArgs, '--dry-run'], platform)
    expect(dry.stdout.match(/: unchanged/g)).toHaveLength(5)

    // Changed bytes under the same version: refused before anything is sent.
    const text = readFileSync(join(platform, 'platform.yaml'), 'utf8')
    writeFileSync(
      join(platform, 'platform.yaml'),
      text.replace('displayName: Turnos Argentina', 'displayName: Turnos AR'),
    )
    const refused = await verticals(publishArgs, platform)
    expect(refused.code, describeRun('publish changed bytes', refused)).toBe(1)
    expect(refused.stderr).toContain(`${PSYCHOLOGY}@1.0.0 has manifest sha256`)
    expect(refused.stderr).toContain('Nothing was published')
    expect(await publishedIntegrity(PSYCHOLOGY, platform)).toBe(integrity)
    // The package exists, that version does not: a dry run says it would publish, and does not.
    const next = ['--version', '1.0.1', '--vertical', 'psychology', '--dry-run']
    const bump = await verticals([...publishArgs, ...next], platform)
    expect(bump.stdout, describeRun('dry run of 1.0.1', bump)).toContain(
      `${PSYCHOLOGY}@1.0.1: would be published`,
    )
    expect((await box().run('npm', ['view', `${PSYCHOLOGY}@1.0.1`, 'version'], platform)).stdout).toBe('')

    // A fresh consumer pins psychology at its version and checks what it installed.
    const consumer = box().directory('consumer')
    await step('npm init', 'npm', ['init', '-y'], consumer)
    await step('npm install', 'npm', ['install', '--save-exact', `${PSYCHOLOGY}@1.0.0`], consumer)
    const pins = JSON.parse(readFileSync(join(consumer, 'package.json'), 'utf8')).dependencies
    expect(pins).toEqual({ [PSYCHOLOGY]: '1.0.0' })
    const installed = join(consumer, 'node_modules', '@turnos', 'psychology-bundle')
    const verified = await verticals(['verify', `node_modules/${PSYCHOLOGY}`], consumer)
    expect(verified.code, describeRun('verticals verify', verified)).toBe(0)
    // The cluster's one Alertmanager config comes in the platform's package, verified the same way.
    await step(
      'npm install platform',
      'npm',
      ['install', '--save-exact', '@turnos/platform-bundle@1.0.0'],
      consumer,
    )
    const platformVerified = await verticals(['verify', 'node_modules/@turnos/platform-bundle'], consumer)
    expect(platformVerified.code, describeRun('verticals verify platform', platformVerified)).toBe(0)
    const alertmanager = join(consumer, 'node_modules/@turnos/platform-bundle/monitoring/alertmanager')
    await step('amtool check-config', 'amtool', ['check-config', 'alertmanager.yaml'], alertmanager)

    const prometheus = join(installed, 'monitoring', 'prometheus')
    const rules = readdirSync(prometheus).filter((f) => f.endsWith('.rules.yaml'))
    expect(rules.length).toBeGreaterThan(0)
    await step('promtool check rules', 'promtool', ['check', 'rules', ...rules], prometheus)

    const script = `import('${PSYCHOLOGY}').then((m) => console.log(JSON.stringify({ version: m.manifest.version, prometheus: m.paths.prometheus })))`
    const imported = await step('import the bundle', 'node', ['--input-type=module', '-e', script], consumer)
    expect(JSON.parse(imported.stdout)).toEqual({ version: '1.0.0', prometheus })

    const fetched = await verticals(
      ['fetch', `npm:${PSYCHOLOGY}@1.0.0`, '--out', 'fetched', '--registry', registry],
      consumer,
    )
    expect(fetched.code, describeRun('verticals fetch npm:', fetched)).toBe(0)
    expect((await verticals(['verify', 'fetched'], consumer)).code).toBe(0)

    // A tampered installed file fails verification, naming the file.
    appendFileSync(join(prometheus, rules[0]!), '# tampered\n')
    const tampered = await verticals(['verify', `node_modules/${PSYCHOLOGY}`], consumer)
    expect(tampered.code).toBe(1)
    expect(tampered.stdout).toContain(
      `modified  node_modules/${PSYCHOLOGY}/monitoring/prometheus/${rules[0]}`,
    )
  })
})
