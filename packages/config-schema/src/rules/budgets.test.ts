import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

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

describe('vertical budgets', () => {
  const budgets = (amounts: Record<string, string>) =>
    Object.entries(amounts).map(([v, amount]): [string[], string] => [['verticals', v, 'budget'], amount])

  it('accept vertical budgets that fit in the monthly budget, resolved per vertical', () => {
    const text = edit(argentinaText(), ...budgets({ barber: 'USD 6000', psychology: 'USD 3000' }))
    const platform = resolveText(text)
    expect(platform.verticals.barber?.budget).toEqual({ amount: 6000, currency: 'USD' })
    expect(platform.verticals.beauty?.budget).toBeNull()
  })

  it('refuse vertical budgets that add up to more than the monthly budget', () => {
    const text = edit(argentinaText(), ...budgets({ barber: 'USD 9000', psychology: 'USD 7000' }))
    const [d] = diagnosticsOf(text)
    expect(d).toMatchObject({ code: 'BUDGET_EXCEEDED', path: 'budget.monthly' })
    expect(d?.message).toBe('vertical budgets add up to USD 16000, more than the monthly USD 15000')
  })

  it('refuse a vertical budget in another currency', () => {
    expect(errorsAfter(...budgets({ fitness: 'ARS 1000' }))).toEqual([
      'BUDGET_EXCEEDED verticals.fitness.budget',
    ])
  })
})
