// Test support for the injection tests: a copy of a platform with hostile text in every printed string.
import type { ResolvedPlatform } from '@verticals/config-schema'

/** What to append, where not to, and which maps have keys that other strings refer to. */
export interface HostileOptions {
  readonly text: string
  /** Dotted paths of leaves left alone (interpreted, not printed; validation gives them closed sets). */
  readonly kept: readonly RegExp[]
  /** Dotted paths of maps whose keys are renamed like the references to them, so lookups hold. */
  readonly namedMaps: readonly RegExp[]
}

/** A mutable copy of the platform with `text` appended to every string leaf and named-map key; returns the paths. */
export function withHostileStrings(
  platform: ResolvedPlatform,
  options: HostileOptions,
): { platform: ResolvedPlatform; mutated: string[] } {
  const copy = structuredClone(platform) as unknown as Record<string, unknown>
  const mutated: string[] = []
  const seen = new WeakSet<object>()
  const visit = (node: Record<string, unknown> | unknown[], path: string) => {
    if (seen.has(node)) return
    seen.add(node)
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node)
    for (const [key, value] of entries) {
      const at = path ? `${path}.${key}` : key
      if (typeof value === 'string' && !options.kept.some((re) => re.test(at))) {
        ;(node as Record<string, unknown>)[key] = value + options.text
        mutated.push(at)
      } else if (value && typeof value === 'object') visit(value as Record<string, unknown>, at)
    }
    if (!Array.isArray(node) && options.namedMaps.some((re) => re.test(path))) {
      for (const key of Object.keys(node)) {
        node[key + options.text] = node[key]
        delete node[key]
      }
    }
  }
  visit(copy, '')
  return { platform: copy as unknown as ResolvedPlatform, mutated }
}
