import type { ArtifactBuilder } from '../artifact'
import { costReportArtifact } from '../cost/report'
import { kubernetesArtifacts } from './kubernetes/index'
import { assertPathSafe } from './names'
import { terraformArtifacts } from './terraform/index'

/** Builds the infrastructure bundle of one vertical: Kubernetes manifests, a Terraform root module and its cost estimate. */
export const infrastructureBundle: ArtifactBuilder = (context) => {
  assertPathSafe(context.vertical)
  return [...kubernetesArtifacts(context), ...terraformArtifacts(context), costReportArtifact(context)]
}
