import type { Artifact, ArtifactKind } from '../artifact'
import { validateCompliance } from './compliance'
import { validateKubernetes } from './kubernetes'
import { validateMonitoring } from './monitoring'
import { validateTerraform } from './terraform'

/** A problem a validator found in one artifact. */
export interface ValidationProblem {
  readonly path: string
  readonly kind: ArtifactKind
  readonly message: string
}

/** Validates one artifact; returns human-readable problems, empty when it is accepted. */
export type ArtifactValidator = (artifact: Artifact) => Promise<string[]>

const VALIDATORS: Partial<Record<ArtifactKind, ArtifactValidator>> = {
  kubernetes: validateKubernetes,
  terraform: validateTerraform,
  'prometheus-rules': validateMonitoring,
  'prometheus-rule-tests': validateMonitoring,
  'prometheus-scrape-config': validateMonitoring,
  'alertmanager-config': validateMonitoring,
  'grafana-dashboard': validateMonitoring,
  'compliance-policy': validateCompliance,
  'compliance-document': validateCompliance,
  'sql-migration': validateCompliance,
  runbook: validateCompliance,
}

/** Runs every artifact through the validator of its kind (real tools where they are installed). */
export async function validateArtifacts(artifacts: readonly Artifact[]): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = []
  for (const artifact of artifacts) {
    const validator = VALIDATORS[artifact.kind]
    if (!validator) continue
    for (const message of await validator(artifact))
      problems.push({ path: artifact.path, kind: artifact.kind, message })
  }
  return problems
}
