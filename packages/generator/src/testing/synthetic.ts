import type { ResolvedPlatform } from '@verticals/config-schema'

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
