import { err, type Rule, type RuleFinding } from './shared'

// AWS limits, not settings: RDS accepts a storage autoscaling ceiling only at least 10 % above the
// allocated storage, and PostgreSQL on gp3 storage grows to 64 TiB at most.
const MIN_CEILING_RATIO = 1.1
const RDS_MAX_STORAGE_BYTES = 64 * 1024 ** 4
const GIB = 1024 ** 3

/** The storage autoscaling ceiling is one RDS accepts, for the default PostgreSQL and each shared one. */
export const storageCeiling: Rule = (config) => {
  const base = config.dataStores.postgres
  const findings = ceiling(base.storage, base.maxStorage, ['dataStores', 'postgres', 'maxStorage'])
  for (const [name, store] of Object.entries(config.dataStores.shared)) {
    const own = store.postgres
    if (own === undefined || (own.storage === undefined && own.maxStorage === undefined)) continue
    const path =
      own.maxStorage === undefined
        ? ['dataStores', 'shared', name, 'postgres', 'storage']
        : ['dataStores', 'shared', name, 'postgres', 'maxStorage']
    findings.push(
      ...ceiling(own.storage ?? base.storage, 'maxStorage' in own ? own.maxStorage : base.maxStorage, path),
    )
  }
  return findings
}

/** At least 10 % above storage, at most 64 TiB. */
function ceiling(storage: number, maxStorage: number | undefined, path: (string | number)[]): RuleFinding[] {
  if (maxStorage === undefined) return []
  const findings: RuleFinding[] = []
  // Rounded first: 100Gi × 1.1 is 110.00000000000001 in floating point, and RDS takes 110.
  const floor = Math.ceil(Math.round(((storage * MIN_CEILING_RATIO) / GIB) * 1e6) / 1e6)
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
