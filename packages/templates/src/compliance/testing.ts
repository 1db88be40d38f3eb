// Test support: the example platform and its compliance bundle. Not exported from the package.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, type ResolvedPlatform, type ResolvedVertical } from '@verticals/config-schema'
import type { Artifact, SqlMigration } from '../artifact'
import { exampleSource } from '../infrastructure/testing'
import { createTextEngine, type TextEngine } from '../text/engine'
import { complianceBundle } from './index'

/** Path of the example platform.yaml that the golden files are generated from. */
export const EXAMPLE_CONFIG = fileURLToPath(
  new URL('../../../../examples/argentina-marketplace/platform.yaml', import.meta.url),
)

/** A small list standing in for @verticals/core's migrations (templates never import core). */
export const TEST_MIGRATIONS: readonly SqlMigration[] = [
  { name: '0001_consent', sql: 'CREATE TABLE consent_events (id bigserial PRIMARY KEY);\n' },
  { name: '0002_audit', sql: 'CREATE TABLE audit_entries (seq bigint PRIMARY KEY);' },
]

/** The example platform, parsed and resolved; throws with the diagnostics when it does not validate. */
export function examplePlatform(): ResolvedPlatform {
  const result = parse(readFileSync(EXAMPLE_CONFIG, 'utf8'), 'platform.yaml')
  if (!result.ok) throw new Error(`example config is invalid: ${JSON.stringify(result.diagnostics, null, 2)}`)
  return result.platform
}

/** The compliance artifacts of one vertical. */
export function buildVertical(
  platform: ResolvedPlatform,
  name: string,
  text: TextEngine = createTextEngine(),
  migrations: readonly SqlMigration[] = TEST_MIGRATIONS,
): Artifact[] {
  const vertical = platform.verticals[name]
  if (!vertical) throw new Error(`no vertical ${name}`)
  // BundleContext types the vertical as mutable while the platform is deeply readonly; builders never write.
  const source = exampleSource()
  return complianceBundle({ platform, vertical: vertical as ResolvedVertical, source, text, migrations })
}

/** One artifact by path, failing the test when it is missing. */
export function artifactAt(artifacts: readonly Artifact[], path: string): Artifact {
  const found = artifacts.find((a) => a.path === path)
  if (!found) throw new Error(`no artifact ${path}; have ${artifacts.map((a) => a.path).join(', ')}`)
  return found
}
