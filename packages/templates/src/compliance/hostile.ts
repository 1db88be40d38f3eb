// Test support for the injection test: a platform whose every printable string carries hostile text.
import type { ResolvedPlatform } from '@verticals/config-schema'
import { withHostileStrings } from '../testing/hostile'

/** Text that would add Markdown headings, rows, cells, links, images, HTML, code or quotes if printed raw. */
export const HOSTILE = [
  '\n# injected heading\n| a | b |\n|---|---|\n| c | d |\n',
  '* item <script>alert(1)</script> `code` [x](javascript:alert(1)) ![i](javascript:x)',
  ' https://evil.example www.evil.example <a id="service-down"></a> &lt;b&gt; **bold** _em_',
  '\n===\n\n    indented code\n> quote\n1. item\n- item\n<div>',
].join('')

// Vertical names become directories and are refused when unsafe (tested apart). Storage systems,
// categories, countries and what recipients receive are interpreted (they decide regions, recipients
// and transfers); validation gives them closed sets or checked references.
const KEPT = [
  /^verticals\.[^.]+\.name$/,
  /^dataClasses\.[^.]+\.(storage\.\d+|category)$/,
  /^recipients\.[^.]+\.(receives|role|service|country|verticals\.\d+)$/,
  /^dataResidency\.(subjectsCountry|transfers\.\d+\.(from|to|mechanism))$/,
  /^(regions\.\d+|primaryRegion|drRegion)\.country$/,
]

// Maps whose keys other strings refer to: their keys are renamed like the references, so lookups hold.
const NAMED_MAPS = [
  /^dataClasses$/,
  /^consent\.purposes$/,
  /^retention\.recordClasses$/,
  /^cache\.(ttl|cdnTtl)$/,
  /^security\.edge\.cdn\.paths$/,
  /^incidents\.severities$/,
  /^maintenance\.windows$/,
  /^tiers$/,
  /^markets$/,
  /^verticals\.[^.]+\.workloads$/,
]

/** A copy of the platform with `HOSTILE` appended to every printed string; returns the paths mutated. */
export function hostilePlatform(platform: ResolvedPlatform): {
  platform: ResolvedPlatform
  mutated: string[]
} {
  return withHostileStrings(platform, { text: HOSTILE, kept: KEPT, namedMaps: NAMED_MAPS })
}
