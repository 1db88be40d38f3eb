import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Artifact, ArtifactBuilder, BundleContext } from './artifact'
import { complianceBundle } from './compliance/index'
import { infrastructureBundle } from './infrastructure/index'
import { monitoringBundle, platformMonitoringBundle } from './monitoring/index'
import { finalizeText } from './serialize'

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
 * a run selects: the one Alertmanager config. Sorted by path, with normalised line endings.
 */
export function renderPlatform(platform: ResolvedPlatform): Artifact[] {
  return platformMonitoringBundle(platform)
    .map((a) => ({ ...a, content: finalizeText(a.content) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
