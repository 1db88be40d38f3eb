import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, type ResolvedPlatform } from '@verticals/config-schema'

const EXAMPLE = fileURLToPath(
  new URL('../../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)

/** The resolved example platform that tests and benchmarks run against. */
export function examplePlatform(): ResolvedPlatform {
  const result = parse(readFileSync(EXAMPLE, 'utf8'), EXAMPLE)
  if (!result.ok) throw new Error(`example config is invalid: ${JSON.stringify(result.diagnostics)}`)
  return result.platform
}

/** Every enabled vertical of the example. */
export function exampleVerticals(platform: ResolvedPlatform = examplePlatform()): string[] {
  return Object.values(platform.verticals)
    .filter((v) => v.enabled)
    .map((v) => v.name)
}
