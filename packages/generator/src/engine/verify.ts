import { PlatformError } from '@verticals/config-schema'
import { type ValidationProblem, validateArtifacts } from '@verticals/templates'
import type { GenerateResult } from './generate'

/**
 * Runs every file through the validator of its kind (kubernetes-models, hcl2json, promtool...) and
 * throws OUTPUT_INVALID listing each problem, so `generate --verify` writes nothing on any problem.
 */
export async function verifyBundle(result: GenerateResult): Promise<void> {
  const problems: ValidationProblem[] = await validateArtifacts(result.files)
  if (problems.length === 0) return
  const lines = problems.map((p) => `  ${p.path}  ${p.message}`)
  throw new PlatformError(
    'OUTPUT_INVALID',
    `${problems.length} generated file problem(s) found by the output validators:\n${lines.join('\n')}`,
    { hint: 'This is a bug in the templates or a config value they cannot express; nothing was written.' },
  )
}
