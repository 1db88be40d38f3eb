import type { Artifact, ArtifactKind } from '../artifact'

/** A problem a validator found in one artifact. */
export interface ValidationProblem {
  readonly path: string
  readonly kind: ArtifactKind
  readonly message: string
}

/** Validates one artifact; returns human-readable problems, empty when it is accepted. */
export type ArtifactValidator = (artifact: Artifact) => Promise<string[]>

// Validators load their tools (kubernetes-models, hcl2json, promtool wrappers) on first use, so
// rendering a bundle without --verify never pays for them.
const kubernetes = async () => (await import('./kubernetes')).validateKubernetes
const terraform = async () => (await import('./terraform')).validateTerraform
const monitoring = async () => (await import('./monitoring')).validateMonitoring
const compliance = async () => (await import('./compliance')).validateCompliance
const cost = async () => (await import('./cost')).validateCostReport

const VALIDATORS: Partial<Record<ArtifactKind, () => Promise<ArtifactValidator>>> = {
  kubernetes,
  terraform,
  'prometheus-rules': monitoring,
  'prometheus-rule-tests': monitoring,
  'prometheus-scrape-config': monitoring,
  'alertmanager-config': monitoring,
  'grafana-dashboard': monitoring,
  'compliance-policy': compliance,
  'compliance-document': compliance,
  'sql-migration': compliance,
  runbook: compliance,
  'cost-report': cost,
}

/**
 * Runs every artifact through the validator of its kind (real tools where they are installed), then
 * the checks that need several artifacts at once: references across a Terraform root module's files,
 * and `promtool test rules` with the rule files beside it.
 */
export async function validateArtifacts(artifacts: readonly Artifact[]): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = []
  for (const artifact of artifacts) {
    const load = VALIDATORS[artifact.kind]
    if (!load) continue
    const validator = await load()
    for (const message of await validator(artifact))
      problems.push({ path: artifact.path, kind: artifact.kind, message })
  }
  if (artifacts.some((a) => a.kind === 'terraform')) {
    const { validateTerraformModules } = await import('./terraform')
    for (const p of await validateTerraformModules(artifacts)) problems.push({ ...p, kind: 'terraform' })
  }
  if (artifacts.some((a) => a.kind === 'prometheus-rule-tests')) {
    const { validateRuleTests } = await import('./monitoring')
    for (const p of await validateRuleTests(artifacts)) problems.push({ ...p, kind: 'prometheus-rule-tests' })
  }
  return problems
}
