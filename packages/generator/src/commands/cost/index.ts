import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { formatDiagnostic, PlatformError, parse } from '@verticals/config-schema'
import { builtinPriceTable, type PriceTable, parsePriceTable } from '@verticals/templates/cost'
import { readConfigBytes } from '../../engine/read-config'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { budgetDiagnostics } from './budget-diagnostics'
import { costTable } from './table'

/** Options of `verticals cost`. */
export interface CostCommandOptions extends CommandIo {
  /** Path of the config as the user typed it. */
  config: string
  /** A price table of the same shape as the shipped one, replacing it. */
  prices?: string
  json?: boolean
}

async function readTable(path: string | undefined, cwd: string): Promise<PriceTable> {
  if (path === undefined) return builtinPriceTable()
  const full = isAbsolute(path) ? path : join(cwd, path)
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch (error) {
    throw new PlatformError('CONFIG_UNREADABLE', `${path}: the price table cannot be read`, { cause: error })
  }
  return parsePriceTable(text, path)
}

/**
 * Prints the monthly estimate of everything the bundles create, per vertical, region and resource
 * (a table, or JSON with --json), and holds it against the budgets as `validate` does. Returns 1 when
 * the config is invalid or, with budget.enforce: error, over a budget.
 */
export async function costCommand(options: CostCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const table = await readTable(options.prices, io.cwd)
  const text = (await readConfigBytes(options.config, io.cwd)).toString('utf8')
  const result = parse(text, options.config)
  if (!result.ok) {
    for (const d of result.diagnostics) println(io.stderr, formatDiagnostic(d))
    println(io.stderr, `${options.config}: invalid; \`verticals validate\` lists every problem.`)
    return 1
  }
  const { cost, diagnostics } = budgetDiagnostics(result.platform, table, text, options.config)
  const over = diagnostics.some((d) => d.severity === 'error')
  if (options.json) {
    // withinBudget says what the estimate is; the exit code says what budget.enforce makes of it.
    const withinBudget = !diagnostics.some((d) => d.code === 'BUDGET_EXCEEDED')
    printJson(io.stdout, { file: options.config, ...cost, withinBudget, diagnostics })
    return over ? 1 : 0
  }
  for (const line of costTable(cost)) println(io.stdout, line)
  for (const d of diagnostics) println(io.stderr, formatDiagnostic(d))
  return over ? 1 : 0
}
