import { parse } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { exampleSource } from './fixtures'
import { syntheticConfigText } from './synthetic'

describe('syntheticConfigText', () => {
  const { text } = exampleSource()

  it('grows the example by copies of its four verticals, each on its original preset and stores', () => {
    const result = parse(syntheticConfigText(text, 10), 'platform.yaml')
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
    const { verticals } = result.platform
    expect(Object.keys(verticals)).toEqual([
      'barber',
      'psychology',
      'beauty',
      'fitness',
      'barber-2',
      'psychology-2',
      'beauty-2',
      'fitness-2',
      'barber-3',
      'psychology-3',
    ])
    for (const name of ['barber', 'psychology', 'beauty', 'fitness']) {
      const copy = verticals[`${name}-2`]
      expect(copy?.dataStores).toEqual(verticals[name]?.dataStores)
      expect(Object.keys(copy?.workloads ?? {})).toEqual(Object.keys(verticals[name]?.workloads ?? {}))
      expect(copy?.purposes).toEqual(verticals[name]?.purposes)
    }
    expect(result.platform.budget.enforce).toBe('warn')
  })

  it('leaves four verticals as the example has them', () => {
    const four = parse(syntheticConfigText(text, 4), 'platform.yaml')
    const example = parse(text, 'platform.yaml')
    if (!four.ok || !example.ok) throw new Error('the example config is invalid')
    expect(four.platform.verticals).toEqual(example.platform.verticals)
  })
})
