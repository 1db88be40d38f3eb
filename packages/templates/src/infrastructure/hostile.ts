// Test support for the injection tests: a platform whose every printable string carries hostile text.
import type { ResolvedPlatform } from '@verticals/config-schema'
import { withHostileStrings } from '../testing/hostile'

/** Text that would add YAML documents, keys, anchors, HCL interpolations or Markdown cells if printed raw. */
export const HOSTILE = `\n---\nkind: ClusterRole\nx: &a [*a]\n"q' {b} [c] \${x} %{y} $\${z} \\ \\" | cell | #c: }\n`

/**
 * Leaves the bundle interprets rather than prints. platform.yaml validation gives each a closed set of
 * values (an enum or a pattern), so hostile text there is rejected before any builder runs; the
 * injection test proves that separately.
 */
export const INTERPRETED_FIELDS = [
  /^verticals\.[^.]+\.name$/,
  // `dedicated` or a name of dataStores.shared (UNKNOWN_REFERENCE otherwise).
  /^verticals\.[^.]+\.dataStores\.(postgres|redis)$/,
  /\.workloads\.[^.]+\.kind$/,
  /\.schedule\.businessHours\.(start|end|days\.\d+)$/,
  /\.schedule\.peaks\.\d+\.(start|end)$/,
  /^security\.waf\.managedRules\.\d+$/,
  /^security\.tls\.minVersion$/,
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
  /^markets$/,
  /^security\.edge\.cdn\.paths$/,
  /^verticals\.[^.]+\.workloads$/,
]

/** A copy of the platform with `HOSTILE` appended to every printed string; returns the paths mutated. */
export function hostilePlatform(platform: ResolvedPlatform): {
  platform: ResolvedPlatform
  mutated: string[]
} {
  return withHostileStrings(platform, { text: HOSTILE, kept: INTERPRETED_FIELDS, namedMaps: NAMED_MAPS })
}
