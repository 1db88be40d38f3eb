import { bundlePackageName, npmNameProblem, unknownPlaceholders } from '../npm-package'
import { err, type Rule, type RuleFinding } from './shared'

const NAME = ['metadata', 'npm', 'name']

/** Every vertical, enabled or not, gets a distinct package name that npm accepts for a new package. */
export const npmNames: Rule = (_config, platform) => {
  const pattern = platform.metadata.npm.name
  const unknown = unknownPlaceholders(pattern)
  if (unknown.length > 0) {
    return [err('INVALID_VALUE', NAME, `unknown placeholder {${unknown[0]}}; use {vertical} or {platform}`)]
  }
  if (!pattern.includes('{vertical}')) {
    return [
      err('INVALID_VALUE', NAME, 'must contain {vertical}, or every vertical would publish under one name'),
    ]
  }
  const findings: RuleFinding[] = []
  for (const vertical of Object.keys(platform.verticals)) {
    const name = bundlePackageName(platform.metadata, vertical)
    const problem = npmNameProblem(name)
    if (problem) findings.push(err('INVALID_VALUE', NAME, `gives "${name}", which npm refuses: ${problem}`))
    if (findings.length > 0) break
  }
  return findings
}
