import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Artifact, ArtifactBuilder, BundleContext } from './artifact'
import { complianceBundle } from './compliance/index'
import { infrastructureBundle, platformInfrastructureBundle } from './infrastructure/index'
import { monitoringBundle, platformMonitoringBundle } from './monitoring/index'
import { finalizeText } from './serialize'
import { createTextEngine, type TextEngine } from './text/engine'

/** The three bundles every vertical gets, in the order they are built. */
export const BUNDLES: Readonly<Record<'infrastructure' | 'monitoring' | 'compliance', ArtifactBuilder>> = {
  infrastructure: infrastructureBundle,
  monitoring: monitoringBundle,
  compliance: complianceBundle,
}

/** Every artifact of one vertical, sorted by path, with normalised line endings. */
export function renderVertical(context: BundleContext): Artifact[] {
  const artifacts = Object.values(BUNDLES).flatMap((build) => build(context))
  const seen = new Set<string>()
  for (const a of artifacts) {
    if (seen.has(a.path)) throw new Error(`two artifacts share the path ${a.path}`)
    seen.add(a.path)
  }
  return artifacts
    .map((a) => ({ ...a, content: finalizeText(a.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * The platform-wide artifacts (under PLATFORM_DIR), built from the whole platform whatever verticals
 * a run selects: the one Alertmanager config, and the Terraform of each shared data store
 * (`infrastructure/shared/<store>/`). Sorted by path, with normalised line endings. `text` renders
 * the Terraform templates (default: the built-in ones).
 */
export function renderPlatform(
  platform: ResolvedPlatform,
  text: TextEngine = createTextEngine(),
): Artifact[] {
  return [...platformMonitoringBundle(platform), ...platformInfrastructureBundle(platform, text)]
    .map((a) => ({ ...a, content: finalizeText(a.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
