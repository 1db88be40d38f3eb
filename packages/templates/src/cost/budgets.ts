import type { ResolvedPlatform } from '@verticals/config-schema'
import type { CostLine, PlatformCost } from './estimate'

/** An estimate above a budget: where in the config the budget is, and what to say. */
export interface BudgetFinding {
  readonly severity: 'error' | 'warning'
  readonly path: readonly (string | number)[]
  readonly message: string
}

/** How many of the largest line items a budget message names. */
const LARGEST = 3

const usd = (n: number) =>
  `USD ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/** The largest items of `lines`, lines of one resource and config field added up across verticals. */
function largest(lines: readonly CostLine[], where: (path: readonly (string | number)[]) => string): string {
  const groups = new Map<
    string,
    { resource: string; monthly: number; path: readonly (string | number)[]; n: number }
  >()
  for (const l of lines) {
    const key = `${l.item} ${l.configPath.join('.')}`
    const g = groups.get(key) ?? { resource: l.resource, monthly: 0, path: l.configPath, n: 0 }
    g.monthly += l.monthly
    g.n += 1
    groups.set(key, g)
  }
  return [...groups.values()]
    .sort((a, b) => b.monthly - a.monthly)
    .slice(0, LARGEST)
    .map((g) => `${g.resource}${g.n > 1 ? ` (${g.n} verticals)` : ''} ${usd(g.monthly)} at ${where(g.path)}`)
    .join('; ')
}

/**
 * The estimate held against the budgets: the platform's `budget.monthly`, each vertical's own
 * `budget`, and each market's. A market bears each vertical's cost in proportion to its traffic
 * share among the live markets that vertical serves (shared costs follow traffic). Severity follows
 * `budget.enforce`. `where` turns a config path into `file:line:col path`.
 */
export function budgetFindings(
  platform: ResolvedPlatform,
  cost: PlatformCost,
  where: (path: readonly (string | number)[]) => string,
): BudgetFinding[] {
  const severity = platform.budget.enforce === 'warn' ? 'warning' : 'error'
  const findings: BudgetFinding[] = []
  const over = (
    path: (string | number)[],
    what: string,
    estimate: number,
    budget: number,
    lines: readonly CostLine[],
  ) =>
    findings.push({
      severity,
      path,
      message: `estimated ${usd(estimate)} a month${what} is above the budget of ${usd(budget)}; largest items: ${largest(lines, where)}`,
    })
  const all = cost.verticals.flatMap((v) => v.lines)
  const monthly = platform.budget.monthly.amount
  if (cost.total > monthly) over(['budget', 'monthly'], ' for the platform', cost.total, monthly, all)
  for (const v of cost.verticals) {
    const own = platform.verticals[v.vertical]?.budget
    if (own && v.total > own.amount)
      over(['verticals', v.vertical, 'budget'], ` for ${v.vertical}`, v.total, own.amount, v.lines)
  }
  for (const [name, share] of marketShares(platform, cost)) {
    const market = platform.markets[name]
    if (market && market.status === 'live' && share.total > market.budget.amount) {
      over(
        ['markets', name, 'budget'],
        ` for ${name} (its traffic share of each vertical it is served by)`,
        share.total,
        market.budget.amount,
        share.lines,
      )
    }
  }
  return findings
}

/** Each market's part of every vertical's cost, by traffic share among the live markets the vertical serves. */
export function marketShares(platform: ResolvedPlatform, cost: PlatformCost) {
  const shares = new Map<string, { total: number; lines: CostLine[] }>()
  for (const v of cost.verticals) {
    const served = (platform.verticals[v.vertical]?.markets ?? []).filter(
      (m) => platform.markets[m]?.status === 'live',
    )
    const weight = served.reduce((s, m) => s + (platform.markets[m]?.trafficShare ?? 0), 0)
    if (weight === 0) continue
    for (const m of served) {
      const part = (platform.markets[m]?.trafficShare ?? 0) / weight
      const entry = shares.get(m) ?? { total: 0, lines: [] }
      entry.total = Math.round((entry.total + v.total * part) * 100) / 100
      entry.lines.push(...v.lines.map((l) => ({ ...l, monthly: Math.round(l.monthly * part * 100) / 100 })))
      shares.set(m, entry)
    }
  }
  return shares
}
