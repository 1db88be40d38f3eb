import { err, type Rule, type RuleFinding } from './shared'

/** One primary region, at most one DR region, and the DR region differs from the primary. */
export const regions: Rule = (config) => {
  const primaries = config.regions.flatMap((r, i) => (r.role === 'primary' ? [i] : []))
  const drs = config.regions.flatMap((r, i) => (r.role === 'dr' ? [i] : []))
  const findings: RuleFinding[] = []
  if (primaries.length !== 1) {
    findings.push(
      err('REGIONS', ['regions'], `exactly one region must have role primary; found ${primaries.length}`),
    )
  }
  if (drs.length > 1) {
    findings.push(
      err('REGIONS', ['regions', drs[1] as number, 'role'], 'at most one region may have role dr'),
    )
  }
  const primary = config.regions[primaries[0] ?? -1]
  for (const i of drs) {
    if (primary && config.regions[i]?.name === primary.name) {
      findings.push(
        err(
          'REGIONS',
          ['regions', i, 'name'],
          `the DR region must differ from the primary region ${primary.name}`,
        ),
      )
    }
  }
  return findings
}
