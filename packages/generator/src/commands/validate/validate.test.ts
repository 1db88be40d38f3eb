import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { BROKEN_DIR, EXAMPLE_CONFIG, ROOT } from '../../testing/fixtures'
import { verticalsInProcess } from '../../testing/run-cli'
import { hasStackTrace, verticals } from '../../testing/spawn-cli'
import { validateCommand } from './index'

const corpus = existsSync(BROKEN_DIR)
  ? readdirSync(BROKEN_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
  : []
const example = relative(ROOT, EXAMPLE_CONFIG)

/** `# expect: <line>:<col> <CODE> <path>` on the first line of each broken config. */
function expectation(file: string) {
  const first = readFileSync(`${BROKEN_DIR}/${file}`, 'utf8').split('\n')[0] ?? ''
  const match = /^# expect: (\d+):(\d+) ([A-Z_0-9]+) (\S+)/.exec(first)
  if (!match) throw new Error(`${file} has no "# expect: line:col CODE path" first line`)
  return {
    line: Number(match[1]),
    column: Number(match[2]),
    code: match[3]!,
    path: match[4] === '-' ? null : match[4]!,
  }
}

describe('verticals validate', { timeout: timeoutFor({ cli: 2 }) }, () => {
  it('exits 0 on the four-vertical example and names the enabled verticals', async () => {
    const run = await verticals(['validate', example], { cwd: ROOT })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/is valid: 4 vertical\(s\) enabled \(barber, psychology, beauty, fitness\)/)
  })

  it('prints machine-readable results with --json', async () => {
    const run = await verticals(['validate', example, '--json'], { cwd: ROOT })
    expect(run.code).toBe(0)
    // The example is within every budget (tenancy and right-sized stores) with budget.enforce: error.
    const result = JSON.parse(run.stdout) as {
      valid: boolean
      diagnostics: { code: string; severity: string }[]
    }
    expect(result).toMatchObject({ valid: true, file: example })
    expect(result.diagnostics).toEqual([])
  })

  it('fails a config over budget with budget.enforce: error, naming the largest items with file:line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verticals-budget-'))
    try {
      // The example with every cache dedicated and sized as the seed's operations reports run it.
      const text = readFileSync(join(ROOT, example), 'utf8')
        .replace(
          '    nodeType: cache.t4g.medium\n    nodes: 2\n',
          '    nodeType: cache.r6g.2xlarge\n    nodes: 6\n',
        )
        .replaceAll('redis: marketplace', 'redis: dedicated')
      expect(text).toContain('  enforce: error')
      writeFileSync(join(dir, 'platform.yaml'), text)
      const run = await verticals(['validate', 'platform.yaml'], { cwd: dir })
      expect(run.code).toBe(1)
      const lines = run.stderr.split('\n')
      const platform = lines.find((l) => l.includes('  budget.monthly  '))
      expect(platform).toMatch(
        /^platform\.yaml:\d+:\d+ {2}budget\.monthly {2}estimated USD [\d,.]+ a month for the platform is above the budget of USD 15,000\.00; largest items: ElastiCache cache\.r6g\.2xlarge × 6 nodes \(4 verticals\) USD [\d,.]+ at platform\.yaml:\d+:\d+ dataStores\.redis\.nodes; /,
      )
      expect(run.stderr).toContain('error(s); fix them from the top')
      expect(hasStackTrace(run.stderr)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('exits 1 with CONFIG_UNREADABLE for a file that does not exist', async () => {
    const run = await verticals(['validate', 'nope/platform.yaml'], { cwd: ROOT })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Cannot read nope/platform.yaml: no such file.')
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it('says in words why a path that is a directory cannot be read', async () => {
    const run = await verticals(['validate', 'examples'], { cwd: ROOT })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Cannot read examples: it is a directory, not a file.')
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it('has a broken corpus to run', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
  })

  // The binary's own exit code and stack-trace-free output are proven by the spawned tests above; the
  // corpus runs the same runCli in process (text output), then the command function with --json.
  it.each(corpus)('%s exits 1 at its expected line:col, without a stack trace', async (file) => {
    const expected = expectation(file)
    const typed = relative(ROOT, `${BROKEN_DIR}/${file}`)
    const text = await verticalsInProcess(['validate', typed], { cwd: ROOT })
    expect(text.code).toBe(1)
    const located = `${typed}:${expected.line}:${expected.column}  ${expected.path ?? ''}`
    expect(text.stderr.split('\n').some((line) => line.startsWith(located))).toBe(true)
    expect(hasStackTrace(text.stderr)).toBe(false)

    const out = { stdout: '', stderr: '' }
    const code = await validateCommand({
      config: typed,
      cwd: ROOT,
      json: true,
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    })
    expect(code).toBe(1)
    const { valid, diagnostics } = JSON.parse(out.stdout)
    expect(valid).toBe(false)
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        file: typed,
        line: expected.line,
        column: expected.column,
        code: expected.code,
        ...(expected.path ? { path: expected.path } : {}),
      }),
    )
  })
})
