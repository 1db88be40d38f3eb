// Test support for the injection tests: a platform whose every printable string carries hostile text.
import type { ResolvedPlatform } from '@verticals/config-schema'

/** Text that would add YAML documents, keys, anchors, HCL interpolations or Markdown cells if printed raw. */
export const HOSTILE = `\n---\nkind: ClusterRole\nx: &a [*a]\n"q' {b} [c] \${x} %{y} $\${z} \\ \\" | cell | #c: }\n`

/**
 * Leaves the bundle interprets rather than prints. platform.yaml validation gives each a closed set of
 * values (an enum or a pattern), so hostile text there is rejected before any builder runs; the
 * injection test proves that separately.
 */
export const INTERPRETED_FIELDS = [
  /^verticals\.[^.]+\.name$/,
  /\.workloads\.[^.]+\.kind$/,
  /\.schedule\.businessHours\.(start|end|days\.\d+)$/,
  /\.schedule\.peaks\.\d+\.(start|end)$/,
  /^security\.waf\.managedRules\.\d+$/,
  /^dataClasses\.[^.]+\.storage\.\d+$/,
  /^maintenance\.timeZone$/,
  /^maintenance\.windows\.[^.]+\.(start|end|scope|days\.\d+)$/,
]

// Maps whose keys are names that other strings refer to: their keys are renamed like the references.
const NAMED_MAPS = [
  /^dataClasses$/,
  /^consent\.purposes$/,
  /^retention\.recordClasses$/,
  /^cache\.(ttl|cdnTtl)$/,
  /^verticals\.[^.]+\.workloads$/,
]

/**
 * A mutable copy of the platform with `HOSTILE` appended to every string leaf (and to the keys of named
 * maps, so references still resolve), except the interpreted fields. Returns the dotted paths mutated.
 */
export function hostilePlatform(platform: ResolvedPlatform): {
  platform: ResolvedPlatform
  mutated: string[]
} {
  const copy = structuredClone(platform) as unknown as Record<string, unknown>
  const mutated: string[] = []
  const seen = new WeakSet<object>()
  const visit = (node: Record<string, unknown> | unknown[], path: string) => {
    if (seen.has(node)) return
    seen.add(node)
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node)
    for (const [key, value] of entries) {
      const at = path ? `${path}.${key}` : key
      if (typeof value === 'string' && !INTERPRETED_FIELDS.some((re) => re.test(at))) {
        ;(node as Record<string, unknown>)[key] = value + HOSTILE
        mutated.push(at)
      } else if (value && typeof value === 'object') visit(value as Record<string, unknown>, at)
    }
    if (!Array.isArray(node) && NAMED_MAPS.some((re) => re.test(path))) {
      for (const key of Object.keys(node)) {
        node[key + HOSTILE] = node[key]
        delete node[key]
      }
    }
  }
  visit(copy, '')
  return { platform: copy as unknown as ResolvedPlatform, mutated }
}
