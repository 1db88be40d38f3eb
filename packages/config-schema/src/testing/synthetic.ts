import { argentinaText } from './example'

/**
 * The four-vertical example with its markets replaced by `count` synthetic live markets of equal
 * traffic share: the input of the scale tests and benchmarks of validation.
 */
export function withMarkets(count: number, text = argentinaText()): string {
  const start = text.indexOf('\nmarkets:\n')
  const end = text.indexOf('\n# Each vertical starts')
  if (start < 0 || end < 0) throw new Error('the example no longer has its markets section where expected')
  const lines = ['', 'markets:']
  for (let i = 0; i < count; i++) {
    lines.push(
      `  m${i}: { city: City ${i}, tier: tier-2, trafficShare: ${100 / count}%, budget: USD 0, edgeCache: 1G }`,
    )
  }
  return `${text.slice(0, start)}${lines.join('\n')}\n${text.slice(end)}`
}
