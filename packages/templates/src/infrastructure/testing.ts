// Test support: the example platform and its infrastructure bundle. Not exported from the package.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, type ResolvedPlatform, type ResolvedVertical } from '@verticals/config-schema'
import type { Artifact, ConfigSource } from '../artifact'
import { createTextEngine, type TextEngine } from '../text/engine'
import { infrastructureBundle, platformInfrastructureBundle } from './index'

/** Path of the example platform.yaml that the golden files are generated from. */
export const EXAMPLE_CONFIG = fileURLToPath(
  new URL('../../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)

/** The example platform.yaml as the generator passes it to builders. */
export function exampleSource(): ConfigSource {
  return { file: 'platform.yaml', text: readFileSync(EXAMPLE_CONFIG, 'utf8') }
}

/** The example platform, parsed and resolved; throws with the diagnostics when it does not validate. */
export function examplePlatform(): ResolvedPlatform {
  const result = parse(exampleSource().text, EXAMPLE_CONFIG)
  if (!result.ok) throw new Error(`example config is invalid: ${JSON.stringify(result.diagnostics, null, 2)}`)
  return result.platform
}

/**
 * The infrastructure artifacts of every vertical of a platform (`source`: the text it was parsed from),
 * then the platform's own (the shared data stores' modules, under `platform/`).
 */
export function buildAll(
  platform: ResolvedPlatform,
  text: TextEngine = createTextEngine(),
  source: ConfigSource = exampleSource(),
): Artifact[] {
  return [
    ...Object.values(platform.verticals)
      .filter((v) => v.enabled)
      // BundleContext types the vertical as mutable while the platform is deeply readonly; builders never write.
      .flatMap((vertical) =>
        infrastructureBundle({
          platform,
          vertical: vertical as ResolvedVertical,
          source,
          text,
          migrations: [],
        }),
      ),
    ...platformInfrastructureBundle(platform, text),
  ]
}
