import { err, type Rule, type RuleFinding } from './shared'

/** Market budgets, and the verticals' budgets, each fit in the monthly budget, in one currency; alert thresholds rise. */
export const budgets: Rule = (config) => {
  const { monthly, alertThresholds } = config.budget
  const findings: RuleFinding[] = []
  let total = 0
  for (const [name, m] of Object.entries(config.markets)) {
    if (m.budget.currency !== monthly.currency) {
      findings.push(
        err(
          'BUDGET_EXCEEDED',
          ['markets', name, 'budget'],
          `budget is in ${m.budget.currency}, budget.monthly is in ${monthly.currency}`,
        ),
      )
    }
    total += m.budget.amount
  }
  if (total > monthly.amount) {
    findings.push(
      err(
        'BUDGET_EXCEEDED',
        ['budget', 'monthly'],
        `market budgets add up to ${monthly.currency} ${total}, more than the monthly ${monthly.currency} ${monthly.amount}`,
      ),
    )
  }
  let verticals = 0
  for (const [name, v] of Object.entries(config.verticals)) {
    if (v.budget === undefined || v.enabled === false) continue
    if (v.budget.currency !== monthly.currency) {
      findings.push(
        err(
          'BUDGET_EXCEEDED',
          ['verticals', name, 'budget'],
          `budget is in ${v.budget.currency}, budget.monthly is in ${monthly.currency}`,
        ),
      )
    }
    verticals += v.budget.amount
  }
  if (verticals > monthly.amount) {
    findings.push(
      err(
        'BUDGET_EXCEEDED',
        ['budget', 'monthly'],
        `vertical budgets add up to ${monthly.currency} ${verticals}, more than the monthly ${monthly.currency} ${monthly.amount}`,
      ),
    )
  }
  alertThresholds.forEach((t, i) => {
    const previous = alertThresholds[i - 1]
    if (previous !== undefined && t <= previous) {
      findings.push(
        err(
          'INVALID_VALUE',
          ['budget', 'alertThresholds', i],
          `alert thresholds must rise: ${t}% follows ${previous}%`,
        ),
      )
    }
  })
  return findings
}
