import type { ArtifactBuilder } from '../artifact'
import { kubernetesArtifacts } from './kubernetes/index'
import { assertPathSafe } from './names'
import { terraformArtifacts } from './terraform/index'

/** Builds the infrastructure bundle of one vertical: Kubernetes manifests and a Terraform root module. */
export const infrastructureBundle: ArtifactBuilder = (context) => {
  assertPathSafe(context.vertical)
  return [...kubernetesArtifacts(context), ...terraformArtifacts(context)]
}
