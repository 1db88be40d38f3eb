import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { sha256 } from '../../engine/hash'
import { EXAMPLE_CONFIG } from '../../testing/fixtures'
import { verticalsInProcess } from '../../testing/run-cli'
import { hasStackTrace, verticals } from '../../testing/spawn-cli'
import { entries, snapshot, tempDir } from '../../testing/temp-dir'

/** A temp project with the example config as platform.yaml; commands run in it with relative paths. */
function project(): string {
  const dir = tempDir()
  copyFileSync(EXAMPLE_CONFIG, join(dir, 'platform.yaml'))
  return dir
}

const enabled = ['barber', 'psychology', 'beauty', 'fitness']

// Each test runs the CLI's generate up to three times; the --verify ones validate one vertical. The
// tests about the process (exit codes, stderr lines, no stack trace) spawn the binary; the others run
// runCli, what the binary calls with its argv, in this process: the same files and output, one Node
// start fewer per run.
describe('verticals generate', { timeout: timeoutFor({ generate: 3 }) }, () => {
  it('writes the bundle with a progress line per vertical and a summary, exit 0', async () => {
    const cwd = project()
    const run = await verticals(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
    expect(run.code).toBe(0)
    for (const v of enabled) expect(run.stderr).toMatch(new RegExp(`^  ${v}: \\d+ file\\(s\\) rendered`, 'm'))
    const manifest = JSON.parse(readFileSync(join(cwd, 'bundle/manifest.json'), 'utf8'))
    // The resolved config's checksum, not the file's: comments and layout do not count.
    expect(manifest.configSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(manifest.configSha256).not.toBe(sha256(readFileSync(join(cwd, 'platform.yaml'))))
    // Each vertical's checksum, and the platform files' own (they read only part of the config).
    expect(Object.keys(manifest.verticals).sort()).toEqual([...enabled, 'platform'].sort())
    expect(run.stdout).toContain(
      `wrote ${manifest.files.length + 1} files to bundle: ${manifest.files.length + 1} new`,
    )
    for (const f of manifest.files) expect(sha256(readFileSync(join(cwd, 'bundle', f.path)))).toBe(f.sha256)
    expect(entries(cwd)).toEqual(['bundle', 'platform.yaml'])
  })

  it('is deterministic: two runs into two directories give identical bytes; a rerun writes nothing', async () => {
    const cwd = project()
    await verticalsInProcess(['generate', 'platform.yaml', '--out', 'one'], { cwd })
    await verticalsInProcess(['generate', 'platform.yaml', '--out', 'two'], { cwd })
    expect(snapshot(join(cwd, 'two'))).toEqual(snapshot(join(cwd, 'one')))
    const again = await verticalsInProcess(['generate', 'platform.yaml', '--out', 'one', '--json'], { cwd })
    expect(JSON.parse(again.stdout)).toMatchObject({ written: 0, created: [], changed: [], removed: [] })
  })

  it('rewrites nothing after a comment edit, and only psychology after an edit of its autoscaling', async () => {
    const cwd = project()
    const file = join(cwd, 'platform.yaml')
    const text = readFileSync(file, 'utf8')
    await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
    writeFileSync(file, `# reviewed by the platform team\n${text.replace(/ # [^\n"]*$/gm, '')}`)
    const comments = await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle', '--json'], {
      cwd,
    })
    expect(JSON.parse(comments.stdout)).toMatchObject({ written: 0, created: [], changed: [], removed: [] })
    const autoscaling = 'autoscaling: { minReplicas: 2, maxReplicas: 8 }'
    expect(text).toContain(autoscaling)
    writeFileSync(file, text.replace(autoscaling, 'autoscaling: { minReplicas: 2, maxReplicas: 9 }'))
    const edit = await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle', '--json'], { cwd })
    const { changed } = JSON.parse(edit.stdout) as { changed: string[] }
    expect(changed).toContain('psychology/infrastructure/kubernetes/runtime-config.yaml')
    expect(changed.filter((path) => !path.startsWith('psychology/'))).toEqual(['manifest.json'])
  })

  it('leaves a previous bundle byte-identical when the config is invalid, and exits 1 with diagnostics', async () => {
    const cwd = project()
    await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
    const before = snapshot(join(cwd, 'bundle'))
    const text = readFileSync(join(cwd, 'platform.yaml'), 'utf8').replace(
      /^apiVersion: .*$/m,
      'apiVersion: verticals/v9',
    )
    writeFileSync(join(cwd, 'broken.yaml'), text)
    const run = await verticalsInProcess(['generate', 'broken.yaml', '--out', 'bundle'], { cwd })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^broken\.yaml:\d+:\d+ {2}apiVersion {2}/m)
    expect(hasStackTrace(run.stderr)).toBe(false)
    expect(snapshot(join(cwd, 'bundle'))).toEqual(before)
    expect(entries(cwd)).toEqual(['broken.yaml', 'bundle', 'platform.yaml'])
  })

  it(
    '--verify refuses to write when an output validator rejects a file',
    async () => {
      const cwd = project()
      await verticalsInProcess(['generate', 'platform.yaml', '--out', 'bundle'], { cwd })
      const before = snapshot(join(cwd, 'bundle'))
      mkdirSync(join(cwd, 'overrides/infrastructure/terraform'), { recursive: true })
      writeFileSync(
        join(cwd, 'overrides/infrastructure/terraform/budget.tf.hbs'),
        'resource "aws_budgets_budget" "x" {\n',
      )
      // One vertical is enough to show the refusal; the whole example's validation is templates' to test.
      const args = ['generate', 'platform.yaml', '--out', 'bundle', '--templates', 'overrides', '--verify']
      args.push('--vertical', 'barber')
      const run = await verticalsInProcess(args, { cwd })
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/barber\/infrastructure\/terraform\/budget\.tf {2}/)
      expect(run.stderr).toContain('nothing was written')
      expect(snapshot(join(cwd, 'bundle'))).toEqual(before)
      expect(entries(cwd)).toEqual(['bundle', 'overrides', 'platform.yaml'])
    },
    timeoutFor({ generate: 1, verify: 1 }),
  )

  it(
    'applies a user template override by name',
    async () => {
      const cwd = project()
      mkdirSync(join(cwd, 'overrides/infrastructure/terraform'), { recursive: true })
      const override = '# our own budget module\nlocals {\n  owner = "platform-team"\n}\n'
      writeFileSync(join(cwd, 'overrides/infrastructure/terraform/budget.tf.hbs'), override)
      const run = await verticals(
        [
          'generate',
          'platform.yaml',
          '--out',
          'b',
          '--templates',
          'overrides',
          '--verify',
          '--vertical',
          'barber',
        ],
        { cwd },
      )
      expect(run.code).toBe(0)
      expect(readFileSync(join(cwd, 'b/barber/infrastructure/terraform/budget.tf'), 'utf8')).toContain(
        'platform-team',
      )
      // A validator's notice (Debian's promtool has no Kubernetes discovery) is one line of ours.
      expect(run.stderr).not.toMatch(/\(node:\d+\)|--trace-warnings/)
      for (const line of run.stderr.split('\n').filter((l) => /warning/i.test(l)))
        expect(line).toMatch(/^verticals: warning: [^\n]+$/)
    },
    timeoutFor({ verify: 1 }),
  )

  it('refuses a foreign non-empty --out (exit 1) unless --force', async () => {
    const cwd = project()
    mkdirSync(join(cwd, 'docs'))
    writeFileSync(join(cwd, 'docs/keep.md'), 'mine\n')
    const run = await verticalsInProcess(['generate', 'platform.yaml', '--out', 'docs'], { cwd })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('holds no manifest.json written by verticals')
    expect(readFileSync(join(cwd, 'docs/keep.md'), 'utf8')).toBe('mine\n')
    const forced = await verticalsInProcess(['generate', 'platform.yaml', '--out', 'docs', '--force'], {
      cwd,
    })
    expect(forced.code).toBe(0)
    expect(entries(join(cwd, 'docs'))).not.toContain('keep.md')
  })

  it.each([['.'], ['..']])('refuses --out %s, which would replace the project', async (out) => {
    const cwd = project()
    const run = await verticalsInProcess(['generate', 'platform.yaml', '--out', out, '--force'], { cwd })
    expect(run.code).toBe(1)
    expect(entries(cwd)).toEqual(['platform.yaml'])
  })

  it('--vertical limits the run; an unknown vertical exits 1 and names the declared ones', async () => {
    const cwd = project()
    const run = await verticalsInProcess(
      ['generate', 'platform.yaml', '--out', 'b', '--vertical', 'fitness', '--json'],
      { cwd },
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).verticals).toEqual(['fitness'])
    expect(entries(join(cwd, 'b'))).toEqual(['fitness', 'manifest.json', 'platform'])
    const unknown = await verticalsInProcess(
      ['generate', 'platform.yaml', '--out', 'b', '--vertical', 'bakery'],
      {
        cwd,
      },
    )
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Declared verticals: barber, psychology, beauty, fitness.')
  })

  it('reports an operating-system failure with exit 2 and no stack trace', async () => {
    const cwd = project()
    writeFileSync(join(cwd, 'file'), 'x')
    const run = await verticals(['generate', 'platform.yaml', '--out', 'file/bundle'], { cwd })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/ENOTDIR/)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })
})
