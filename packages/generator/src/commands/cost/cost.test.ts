import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { timeoutFor } from '../../../../../testing/costs'
import { EXAMPLE_CONFIG, ROOT } from '../../testing/fixtures'
import { hasStackTrace, verticals } from '../../testing/spawn-cli'
import { costCommand } from './index'

const example = relative(ROOT, EXAMPLE_CONFIG)
const PRICES = `${ROOT}packages/templates/prices/aws-on-demand.json`

/** Runs the command in process and collects what it prints. */
async function run(args: { prices?: string; json?: boolean }) {
  let stdout = ''
  let stderr = ''
  const code = await costCommand({
    config: example,
    cwd: ROOT,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...args,
  })
  return { code, stdout, stderr }
}

type Json = {
  total: number
  withinBudget: boolean
  verticals: {
    vertical: string
    total: number
    lines: { item: string; region: string; quantity: number; unitPrice: number; monthly: number }[]
  }[]
}

describe('verticals cost', { timeout: timeoutFor({ cli: 2 }) }, () => {
  it('--json: every line is quantity × the table price, every total the sum of its lines', async () => {
    const result = await run({ json: true })
    expect(result.code).toBe(0) // within every budget, with budget.enforce: error
    const cost = JSON.parse(result.stdout) as Json
    const table = JSON.parse(readFileSync(PRICES, 'utf8')) as {
      regions: Record<string, Record<string, { usd: number }>>
    }
    expect(cost.verticals.map((v) => v.vertical)).toEqual(['barber', 'psychology', 'beauty', 'fitness'])
    for (const v of cost.verticals) {
      for (const l of v.lines) {
        expect(l.unitPrice).toBe(table.regions[l.region]?.[l.item]?.usd)
        expect(Math.abs(l.quantity * l.unitPrice - l.monthly)).toBeLessThan(0.01)
      }
      expect(v.total).toBeCloseTo(
        v.lines.reduce((s, l) => s + l.monthly, 0),
        2,
      )
    }
    expect(cost.total).toBeCloseTo(
      cost.verticals.reduce((s, v) => s + v.total, 0),
      2,
    )
    expect(cost.withinBudget).toBe(true)
  })

  it('prices from --prices instead of the shipped table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verticals-prices-'))
    try {
      const table = JSON.parse(readFileSync(PRICES, 'utf8')) as {
        regions: Record<string, Record<string, { usd: number }>>
      }
      for (const region of Object.values(table.regions)) for (const p of Object.values(region)) p.usd *= 2
      writeFileSync(join(dir, 'double.json'), JSON.stringify(table))
      const shipped = JSON.parse((await run({ json: true })).stdout) as Json
      const doubled = JSON.parse((await run({ json: true, prices: join(dir, 'double.json') })).stdout) as Json
      expect(doubled.total).toBeCloseTo(shipped.total * 2, 0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('prints a table with a total per vertical, and no budget finding for the example (the binary)', async () => {
    const cli = await verticals(['cost', example], { cwd: ROOT })
    expect(cli.code).toBe(0)
    expect(cli.stdout.split('\n')[0]).toMatch(/^vertical +region +resource +USD\/month$/)
    for (const v of ['barber', 'psychology', 'beauty', 'fitness'])
      expect(cli.stdout).toMatch(new RegExp(`^${v} +total +[\\d,]+\\.\\d\\d$`, 'm'))
    expect(cli.stdout).toMatch(/^platform +total +[\d,]+\.\d\d$/m)
    // A shared store's lines say which store and what part of it the vertical bears.
    expect(cli.stdout).toMatch(
      /^beauty +sa-east-1 +RDS PostgreSQL db\.r6g\.xlarge \(Multi-AZ\) \[shared marketplace: 1\/2\] +[\d,]+\.\d\d$/m,
    )
    expect(cli.stderr).toBe('')
  })

  it('refuses a malformed price table with a one-line message, exit 1', async () => {
    const cli = await verticals(['cost', example, '--prices', 'package.json'], { cwd: ROOT })
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('package.json: ')
    expect(hasStackTrace(cli.stderr)).toBe(false)
  })
})
