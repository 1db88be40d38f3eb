import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Artifact, ArtifactBuilder } from '../artifact'
import { costReportArtifact } from '../cost/report'
import type { TextEngine } from '../text/engine'
import { erasureRelayArtifacts } from './erasure-relay/index'
import { kubernetesArtifacts } from './kubernetes/index'
import { assertPathSafe } from './names'
import { sharedStoreArtifacts } from './shared/index'
import { terraformArtifacts } from './terraform/index'

/** Builds the infrastructure bundle of one vertical: Kubernetes manifests, a Terraform root module and its cost estimate. */
export const infrastructureBundle: ArtifactBuilder = (context) => {
  assertPathSafe(context.vertical)
  return [...kubernetesArtifacts(context), ...terraformArtifacts(context), costReportArtifact(context)]
}

/**
 * The platform-wide infrastructure: one Terraform root module per shared data store with an enabled
 * member, `platform/infrastructure/shared/<store>/`, which creates the store once for all its members;
 * and the erasure relay, `platform/infrastructure/erasure-relay/`, when verticals erase platform-wide
 * across PostgreSQL stores.
 */
export function platformInfrastructureBundle(platform: ResolvedPlatform, text: TextEngine): Artifact[] {
  return [...sharedStoreArtifacts(platform, text), ...erasureRelayArtifacts(platform, text)]
}
