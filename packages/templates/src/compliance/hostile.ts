// Test support for the injection test: a platform whose every printable string carries hostile text.
import type { ResolvedPlatform } from '@verticals/config-schema'

/** Text that would add Markdown headings, rows, cells, links, images, HTML, code or quotes if printed raw. */
export const HOSTILE = [
  '\n# injected heading\n| a | b |\n|---|---|\n| c | d |\n',
  '* item <script>alert(1)</script> `code` [x](javascript:alert(1)) ![i](javascript:x)',
  ' https://evil.example www.evil.example <a id="service-down"></a> &lt;b&gt; **bold** _em_',
  '\n===\n\n    indented code\n> quote\n1. item\n- item\n<div>',
].join('')

// Vertical names become directories and are refused when unsafe (tested apart). Storage systems and
// categories are interpreted (they decide regions and recipients); validation gives them closed sets.
const KEPT = [/^verticals\.[^.]+\.name$/, /^dataClasses\.[^.]+\.(storage\.\d+|category)$/]

// Maps whose keys other strings refer to: their keys are renamed like the references, so lookups hold.
const NAMED_MAPS = [
  /^dataClasses$/,
  /^consent\.purposes$/,
  /^retention\.recordClasses$/,
  /^cache\.(ttl|cdnTtl)$/,
  /^incidents\.severities$/,
  /^maintenance\.windows$/,
  /^tiers$/,
  /^markets$/,
  /^verticals\.[^.]+\.workloads$/,
]

/** A copy of the platform with `HOSTILE` appended to every string leaf and named-map key; returns the paths. */
export function hostilePlatform(platform: ResolvedPlatform): {
  platform: ResolvedPlatform
  mutated: string[]
} {
  const copy = structuredClone(platform) as unknown as Record<string, unknown>
  const mutated: string[] = []
  const visit = (node: Record<string, unknown> | unknown[], path: string) => {
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node)
    for (const [key, value] of entries) {
      const at = path ? `${path}.${key}` : key
      if (typeof value === 'string' && !KEPT.some((re) => re.test(at))) {
        ;(node as Record<string, unknown>)[key] = value + HOSTILE
        mutated.push(at)
      } else if (value && typeof value === 'object') visit(value as Record<string, unknown>, at)
    }
    if (!Array.isArray(node) && NAMED_MAPS.some((re) => re.test(path)))
      for (const key of Object.keys(node)) {
        node[key + HOSTILE] = node[key]
        delete node[key]
      }
  }
  visit(copy, '')
  return { platform: copy as unknown as ResolvedPlatform, mutated }
}
