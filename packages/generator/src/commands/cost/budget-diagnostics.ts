import { type Diagnostic, formatPath, locator, type ResolvedPlatform } from '@verticals/config-schema'
import {
  budgetFindings,
  estimatePlatform,
  type PlatformCost,
  type PriceTable,
} from '@verticals/templates/cost'

/**
 * The estimate of a valid config held against its budgets, as diagnostics located in the config
 * text (`file:line:col path`), each naming the largest line items and the config lines behind them.
 * Resources the table cannot price become one warning each, never a guess.
 */
export function budgetDiagnostics(
  platform: ResolvedPlatform,
  table: PriceTable,
  text: string,
  file: string,
): { cost: PlatformCost; diagnostics: Diagnostic[] } {
  const locate = locator(text)
  const where = (path: readonly (string | number)[]) => {
    const { line, column } = locate(path)
    return `${file}:${line}:${column} ${formatPath(path)}`
  }
  const cost = estimatePlatform(platform, table, { missing: 'skip' })
  const diagnostic = (
    severity: 'error' | 'warning',
    path: readonly (string | number)[],
    message: string,
  ): Diagnostic => ({
    code: 'BUDGET_EXCEEDED',
    severity,
    file,
    ...locate(path),
    path: formatPath(path),
    message,
  })
  const diagnostics = budgetFindings(platform, cost, where).map((f) =>
    diagnostic(f.severity, f.path, f.message),
  )
  for (const v of cost.verticals) {
    for (const u of v.unpriced) {
      const message = `${u.resource} (${u.item} in ${u.region}) has no price in the table and is left out of the estimate; add it with verticals cost --prices`
      diagnostics.push({ ...diagnostic('warning', ['dataStores'], message), code: 'INVALID_VALUE' })
    }
  }
  return { cost, diagnostics }
}
