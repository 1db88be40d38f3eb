import type { ResolvedPlatform } from '@verticals/config-schema'
import { isMap, parseDocument } from 'yaml'

/**
 * The example platform with its verticals replaced by `count` copies of one of them, named
 * `v001`, `v002`...: the same work per vertical, so time should grow linearly with the count.
 * Frozen, as parse returns a platform (the new objects; the rest is the parsed platform's, frozen already).
 */
export function syntheticPlatform(
  platform: ResolvedPlatform,
  count: number,
  template = 'barber',
): ResolvedPlatform {
  const base = platform.verticals[template]
  if (!base) throw new Error(`the example has no vertical ${template}`)
  const verticals = Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const name = `v${String(i + 1).padStart(3, '0')}`
      return [name, Object.freeze({ ...base, name, namespace: name, displayName: `Vertical ${i + 1}` })]
    }),
  )
  return Object.freeze({ ...platform, verticals: Object.freeze(verticals) })
}

/**
 * The example's platform.yaml grown to `count` verticals: the four it declares and copies of each in
 * turn (`barber-2`, `psychology-2`, `beauty-2`, `fitness-2`, `barber-3`...), each on its original's
 * preset and stores, so every size has the example's mix of verticals. Budgets only warn: a hundred
 * verticals cost more than the example's budget, which is not what a scaling run measures.
 */
export function syntheticConfigText(text: string, count: number): string {
  const document = parseDocument(text)
  const verticals = document.get('verticals')
  if (!isMap(verticals)) throw new Error('the example has no verticals map')
  const originals = verticals.items.map((pair) => ({ name: String(pair.key), node: pair.value }))
  if (count < originals.length) throw new Error(`the example has ${originals.length} verticals already`)
  for (let i = originals.length; i < count; i++) {
    const original = originals[i % originals.length]
    if (!isMap(original?.node)) throw new Error('a vertical of the example is not a map')
    const copy = original.node.clone()
    copy.set('preset', original.name)
    verticals.set(`${original.name}-${Math.floor(i / originals.length) + 1}`, copy)
  }
  document.setIn(['budget', 'enforce'], 'warn')
  return document.toString()
}
