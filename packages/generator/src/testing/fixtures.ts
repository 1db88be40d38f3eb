import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, type ResolvedPlatform } from '@verticals/config-schema'
import type { Artifact, BundleContext, ConfigSource } from '@verticals/templates'
import { sha256 } from '../engine/hash'

// Test helpers shared by the engine and CLI tests; not part of the published package.

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
/** The generator package directory. */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url))
/** The four-vertical example config. */
export const EXAMPLE_CONFIG = `${ROOT}examples/argentina-marketplace/platform.yaml`
/** The broken-config corpus of config-schema. */
export const BROKEN_DIR = `${ROOT}packages/config-schema/src/__fixtures__/broken`

/** The example's name and text, as generate() takes them. */
export function exampleSource(): ConfigSource {
  return { file: 'platform.yaml', text: readFileSync(EXAMPLE_CONFIG, 'utf8') }
}

/** The resolved example, its source and the sha256 of its bytes. */
export function examplePlatform(): {
  platform: ResolvedPlatform
  configSha256: string
  text: string
  source: ConfigSource
} {
  const source = exampleSource()
  const result = parse(source.text, source.file)
  if (!result.ok) throw new Error(`the example config is invalid: ${result.diagnostics[0]?.message}`)
  return { platform: result.platform, configSha256: sha256(source.text), text: source.text, source }
}

/**
 * A small, deterministic stand-in for the templates' builders: two files per vertical whose
 * content comes from the context, so engine tests do not depend on which bundles exist yet.
 */
export function fixtureRender(context: BundleContext): Artifact[] {
  const { vertical, platform } = context
  return [
    {
      path: `${vertical.name}/infrastructure/kubernetes/namespace.yaml`,
      kind: 'kubernetes',
      vertical: vertical.name,
      content: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${vertical.namespace}\n`,
    },
    {
      path: `${vertical.name}/runbooks/overview.md`,
      kind: 'runbook',
      vertical: vertical.name,
      content: `# ${vertical.displayName}\n\nPrimary region: ${platform.primaryRegion.name}\n`,
    },
  ]
}
