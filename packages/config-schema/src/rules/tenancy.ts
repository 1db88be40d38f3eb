import { DEDICATED } from '../tenancy'
import { err, type Rule, type RuleFinding, reference } from './shared'

// PostgreSQL truncates identifiers longer than 63 bytes: two members' roles could then collide.
const PG_IDENTIFIER_MAX = 63

/**
 * Every shared store a vertical names is declared and offers that kind of store; and a PostgreSQL is
 * shared only by verticals that hold the same special categories. Ley 25.326 art. 8 and 9 (health
 * data; security and confidentiality), LGPD art. 11 and 46 and GDPR art. 9 and 32 ask that access
 * to health and biometric data be limited to who needs it: a database of its own keeps such data out
 * of reach of the other verticals' roles, credentials and operators. Redis may be shared by anyone:
 * special categories are never cached (specialNeverCached), and each vertical writes under its own
 * key prefix.
 */
export const tenancy: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const shared = config.dataStores.shared
  const names = Object.keys(shared)
  for (const [name, source] of Object.entries(config.verticals)) {
    const stores = source.dataStores
    for (const kind of ['postgres', 'redis'] as const) {
      const store = stores[kind]
      if (store === DEDICATED) continue
      const path = ['verticals', name, 'dataStores', kind]
      const missing = reference(path, `shared ${kind} store`, store, names)
      if (missing.length > 0) {
        findings.push(...missing.map((f) => ({ ...f, message: `${f.message} in dataStores.shared` })))
      } else if (shared[store]?.[kind] === undefined) {
        findings.push(
          err(
            'UNKNOWN_REFERENCE',
            path,
            `dataStores.shared.${store} declares no ${kind}: add "${kind}: {}" to it (sized like dataStores.${kind}), or use dedicated`,
          ),
        )
      }
    }
    const roleSuffix = `_${name.replaceAll('-', '_')}`
    const { roles } = config.dataStores.postgres
    const longest = Math.max(roles.owner.length, roles.app.length, 'verticals'.length) + roleSuffix.length
    if (stores.postgres !== DEDICATED && longest > PG_IDENTIFIER_MAX) {
      findings.push(
        err(
          'INVALID_VALUE',
          ['verticals', name, 'dataStores', 'postgres'],
          `on a shared PostgreSQL this vertical's role and schema names (${roles.owner}${roleSuffix}) would be longer than PostgreSQL's ${PG_IDENTIFIER_MAX} characters: shorten the vertical's name or dataStores.postgres.roles`,
        ),
      )
    }
  }
  findings.push(...specialCategorySeparation(config, platform))
  return findings
}

/** Members of one shared PostgreSQL must hold the same special categories (none, or the same ones). */
const specialCategorySeparation: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const members = new Map<string, string[]>()
  for (const v of Object.values(platform.verticals)) {
    if (!v.enabled || v.dataStores.postgres === DEDICATED) continue
    members.set(v.dataStores.postgres, [...(members.get(v.dataStores.postgres) ?? []), v.name])
  }
  const label = (categories: readonly string[]) =>
    categories.length === 0 ? 'no special-category data' : `special-category data (${categories.join(', ')})`
  for (const [store, names] of members) {
    const first = platform.verticals[names[0] as string]
    if (first === undefined) continue
    const key = first.specialCategories.join(',')
    for (const name of names.slice(1)) {
      const v = platform.verticals[name]
      if (v === undefined || v.specialCategories.join(',') === key) continue
      const path = config.verticals[name]
        ? ['verticals', name, 'dataStores', 'postgres']
        : ['verticals', name]
      findings.push(
        err(
          'SHARED_STORE_FORBIDDEN',
          path,
          `${name} holds ${label(v.specialCategories)} and ${first.name} holds ${label(first.specialCategories)}: they may not share the PostgreSQL store "${store}". Ley 25.326 art. 8 and 9 with its security duties, LGPD art. 11 and 46 and GDPR art. 9 and 32 ask that only those who need health or biometric data can reach it; a separate database keeps it out of the other verticals' roles, credentials and backups. Use dedicated, or a store shared only with verticals that hold the same special categories`,
        ),
      )
    }
  }
  return findings
}
