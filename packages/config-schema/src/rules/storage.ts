import { err, type Rule, type RuleFinding } from './shared'

// AWS limits, not settings: RDS accepts a storage autoscaling ceiling only at least 10 % above the
// allocated storage, and PostgreSQL on gp3 storage grows to 64 TiB at most.
const MIN_CEILING_RATIO = 1.1
const RDS_MAX_STORAGE_BYTES = 64 * 1024 ** 4
const GIB = 1024 ** 3

/** The storage autoscaling ceiling is one RDS accepts: at least 10 % above storage, at most 64 TiB. */
export const storageCeiling: Rule = (config) => {
  const { storage, maxStorage } = config.dataStores.postgres
  if (maxStorage === undefined) return []
  const findings: RuleFinding[] = []
  const path = ['dataStores', 'postgres', 'maxStorage']
  const floor = Math.ceil((storage * MIN_CEILING_RATIO) / GIB)
  if (maxStorage < floor * GIB) {
    findings.push(
      err(
        'MIN_ABOVE_MAX',
        path,
        `maxStorage must be at least 10% above storage for RDS storage autoscaling: at least ${floor}Gi`,
      ),
    )
  }
  if (maxStorage > RDS_MAX_STORAGE_BYTES) {
    findings.push(err('INVALID_VALUE', path, 'maxStorage is above the 64Ti RDS for PostgreSQL accepts'))
  }
  return findings
}
