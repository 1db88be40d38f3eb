import { formatDiagnostic, parse, sortDiagnostics } from '@verticals/config-schema'
import { readConfigBytes } from '../../engine/read-config'
import { type CommandIo, printJson, println, resolveIo } from '../io'

/** Options of `verticals validate`. */
export interface ValidateCommandOptions extends CommandIo {
  /** Path of the config as the user typed it. */
  config: string
  json?: boolean
}

/**
 * Parses, validates and resolves a config, then holds its cost estimate against the budgets
 * (`budget.enforce: error` makes an excess an error, `warn` a warning). Diagnostics go to stderr as `file:line:col  path  message`
 * (or to stdout as JSON); returns 0 when valid, 1 when not.
 */
export async function validateCommand(options: ValidateCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const bytes = await readConfigBytes(options.config, io.cwd)
  const text = bytes.toString('utf8')
  const parsed = parse(text, options.config)
  // A valid config is then held against its budgets: the estimate of what its bundles create.
  const budgets = parsed.ok
    ? (await import('../cost/budget-diagnostics')).budgetDiagnostics(
        parsed.platform,
        (await import('@verticals/templates/cost')).builtinPriceTable(),
        text,
        options.config,
      ).diagnostics
    : []
  const overBudget = budgets.some((d) => d.severity === 'error')
  const result =
    parsed.ok && overBudget
      ? { ok: false as const, diagnostics: sortDiagnostics([...parsed.warnings, ...budgets]) }
      : parsed
  const diagnostics = result.ok ? sortDiagnostics([...result.warnings, ...budgets]) : result.diagnostics
  if (options.json) {
    const verticals = result.ok ? enabledVerticals(result.platform.verticals) : []
    printJson(io.stdout, { valid: result.ok, file: options.config, verticals, diagnostics })
    return result.ok ? 0 : 1
  }
  for (const d of diagnostics) println(io.stderr, formatDiagnostic(d))
  if (!result.ok) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    println(io.stderr, `${options.config}: ${errors} error(s); fix them from the top, each line says where.`)
    return 1
  }
  const names = enabledVerticals(result.platform.verticals)
  println(io.stdout, `${options.config} is valid: ${names.length} vertical(s) enabled (${names.join(', ')}).`)
  return 0
}

function enabledVerticals(verticals: Readonly<Record<string, { readonly enabled: boolean }>>): string[] {
  return Object.entries(verticals)
    .filter(([, v]) => v.enabled)
    .map(([name]) => name)
}
