import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('budgets', () => {
  it('refuse market budgets that add up to more than the monthly budget', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['budget', 'monthly'], 'USD 7000']))
    expect(d).toMatchObject({ code: 'BUDGET_EXCEEDED', path: 'budget.monthly' })
    expect(d?.message).toBe('market budgets add up to USD 8000, more than the monthly USD 7000')
  })

  it('accept market budgets that add up to exactly the monthly budget', () => {
    expect(errorsAfter([['budget', 'monthly'], 'USD 8000'])).toEqual([])
  })

  it('refuse a market budget in another currency', () => {
    expect(errorsAfter([['markets', 'rosario', 'budget'], 'ARS 1200'])).toEqual([
      'BUDGET_EXCEEDED markets.rosario.budget',
    ])
  })

  it('refuse alert thresholds that do not rise', () => {
    expect(
      errorsAfter([
        ['budget', 'alertThresholds'],
        ['100%', '80%'],
      ]),
    ).toEqual(['INVALID_VALUE budget.alertThresholds[1]'])
    expect(
      errorsAfter([
        ['budget', 'alertThresholds'],
        ['80%', '80%'],
      ]),
    ).toEqual(['INVALID_VALUE budget.alertThresholds[1]'])
  })
})
