import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../testing/costs'
import { createVertical as scaffold } from '../src/create-vertical'
import { noPrompts } from '../src/prompts'
import { TEMPLATE_DIR } from '../src/template-files'
import { createVertical, GENERATOR_CLI, listFiles, runNode, tempDir } from './helpers'

// An upgrade from an "older" template: the shipped one with two lines as they were before. The
// scaffold made from it is the merge base (--base, as `git archive` of its first commit gives it).
const OLD_YAML_LINE = '# After a change:  npx verticals validate\n'
const NEW_YAML_LINE = '# After a change:  npx verticals validate platform.yaml\n'
const OLD_ROUTES_LINE = '  service: z.string().min(1).max(32),\n'
const NEW_ROUTES_LINE = '  service: z.string().min(1).max(40),\n'

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  if (text.split(from).length !== 2) throw new Error(`${file}: "${from.trim()}" is not there exactly once`)
  writeFileSync(file, text.replace(from, to))
}

/** A scaffold made by the older template in `cwd/svc`, and its pristine copy in `cwd/base`. */
async function olderScaffold(): Promise<{ cwd: string; project: string }> {
  const cwd = tempDir()
  const old = join(cwd, 'old-template')
  cpSync(TEMPLATE_DIR, old, { recursive: true })
  replaceOnce(join(old, 'platform.yaml'), NEW_YAML_LINE, OLD_YAML_LINE)
  replaceOnce(join(old, 'src', 'routes.js'), NEW_ROUTES_LINE, OLD_ROUTES_LINE)
  const io = {
    cwd,
    stdout: () => undefined,
    stderr: () => undefined,
    prompter: noPrompts,
    interactive: false,
  }
  for (const dir of ['svc', 'base']) {
    const options = {
      dir,
      vertical: 'barber',
      name: 'svc',
      yes: true,
      dryRun: false,
      force: false,
      help: false,
      version: false,
    }
    await scaffold(options, io, { templateDir: old })
  }
  return { cwd, project: join(cwd, 'svc') }
}

/** The user's own edits: platform.yaml, a source file the template leaves alone, and one it changes. */
function editLikeAUser(project: string): void {
  replaceOnce(join(project, 'platform.yaml'), 'displayName: Svc', 'displayName: Our Barbers')
  writeFileSync(
    join(project, 'src', 'app.js'),
    `// Our service.\n${readFileSync(join(project, 'src', 'app.js'), 'utf8')}`,
  )
  replaceOnce(join(project, 'src', 'routes.js'), ".default('checkbox'),", ".default('web-form'),")
}

const read = (project: string, path: string) => readFileSync(join(project, path), 'utf8')

// Each test scaffolds twice in process, then runs create-vertical once or twice and may check the bundle.
describe('create-vertical --upgrade (three-way merge into an existing scaffold)', {
  timeout: timeoutFor({ scaffold: 4, generate: 1 }),
}, () => {
  it('keeps edits to platform.yaml and to source files while taking the template change, and regenerates the bundle', async () => {
    const { cwd, project } = await olderScaffold()
    editLikeAUser(project)
    const run = await createVertical(['svc', '--upgrade', '--base', 'base'], cwd)
    expect(run.code, run.stderr + run.stdout).toBe(0)
    expect(run.stdout).toContain('Upgraded svc from create-vertical')
    const yaml = read(project, 'platform.yaml')
    expect(yaml).toContain('displayName: Our Barbers')
    expect(yaml).toContain(NEW_YAML_LINE)
    expect(read(project, 'src/app.js').startsWith('// Our service.\n')).toBe(true)
    const routes = read(project, 'src/routes.js')
    expect(routes).toContain(NEW_ROUTES_LINE)
    expect(routes).toContain(".default('web-form'),")
    expect(routes).not.toContain('<<<<<<<')
    const check = await runNode(GENERATOR_CLI, ['check', 'platform.yaml', '--out', 'bundle'], project)
    expect(check.stdout).toBe('bundle is up to date with platform.yaml.\n')
  })

  it('--force over a scaffold merges too, and --dry-run shows the merge without reverting edits or writing', async () => {
    const { cwd, project } = await olderScaffold()
    editLikeAUser(project)
    const before = listFiles(cwd).map((f) => [f, readFileSync(join(cwd, f), 'utf8')])
    const run = await createVertical(['svc', '--force', '--dry-run', '--base', 'base'], cwd)
    expect(run.code, run.stderr).toBe(0)
    expect(listFiles(cwd).map((f) => [f, readFileSync(join(cwd, f), 'utf8')])).toEqual(before)
    expect(run.stdout).toContain(`-${OLD_YAML_LINE}+${NEW_YAML_LINE}`)
    expect(run.stdout).not.toContain('-displayName: Our Barbers')
    expect(run.stdout).toContain(`-${OLD_ROUTES_LINE}+${NEW_ROUTES_LINE}`)
    expect(run.stderr).toMatch(/merged into your files from create-vertical \S+\); nothing was written\.\n$/)
  })

  it('marks a line changed both here and in the template as a conflict, exits 1, and leaves the bundle alone when platform.yaml conflicts', async () => {
    const { cwd, project } = await olderScaffold()
    replaceOnce(join(project, 'src', 'routes.js'), OLD_ROUTES_LINE, '  service: z.string().min(1).max(80),\n')
    replaceOnce(join(project, 'platform.yaml'), OLD_YAML_LINE, '# After a change:  npm run validate\n')
    const bundleBefore = read(project, 'bundle/manifest.json')

    const dry = await createVertical(['svc', '--upgrade', '--base', 'base', '--dry-run'], cwd)
    expect(dry.code).toBe(1)
    expect(read(project, 'src/routes.js')).toContain('max(80)')
    expect(dry.stdout).toContain(
      '+<<<<<<< yours\n   service: z.string().min(1).max(80),\n+||||||| create-vertical',
    )

    const run = await createVertical(['svc', '--upgrade', '--base', 'base'], cwd)
    expect(run.code).toBe(1)
    const version = JSON.parse(read(project, '.create-vertical.json')).version
    expect(run.stderr).toBe(
      'Rendering the barber template and its bundle...\n' +
        `create-vertical: upgrading svc from create-vertical ${version}: 2 file(s) changed both here and in the template: platform.yaml, src/routes.js; the merge was written. The bundle was left as it was, since platform.yaml is among them.\n` +
        'hint: Edit each file between <<<<<<< and >>>>>>> (yours, the old template, the new one), then `npx verticals generate platform.yaml --out bundle` and `npm test`.\n',
    )
    expect(read(project, 'src/routes.js')).toContain(
      [
        '<<<<<<< yours',
        '  service: z.string().min(1).max(80),',
        `||||||| create-vertical ${version}`,
        OLD_ROUTES_LINE.trimEnd(),
        '=======',
        NEW_ROUTES_LINE.trimEnd(),
        `>>>>>>> create-vertical ${version}`,
      ].join('\n'),
    )
    expect(read(project, 'bundle/manifest.json')).toBe(bundleBefore)
  })

  it('refuses --upgrade where no create-vertical record is, and answers that differ from the record', async () => {
    const cwd = tempDir()
    const none = await createVertical(['.', '--upgrade'], cwd)
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('. has no .create-vertical.json')
    await createVertical(['svc', '--vertical', 'barber', '--yes'], cwd)
    const other = await createVertical(['svc', '--upgrade', '--vertical', 'fitness'], cwd)
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('--vertical fitness differs from "barber", which svc was made with')
  })
})
