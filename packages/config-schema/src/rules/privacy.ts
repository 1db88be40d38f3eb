import { guaranteedSeconds, JURISDICTION_FACTS, jurisdictionOfCountry } from '../jurisdictions'
import { err, formatSeconds, type Rule, type RuleFinding } from './shared'

/** Special-category data is never cached: no Redis TTL, no CDN TTL, no cache store. */
export const specialNeverCached: Rule = (config, platform) =>
  Object.values(platform.dataClasses).flatMap((c) => {
    if (!c.special) return []
    const out: RuleFinding[] = []
    const why = `"${c.name}" is special-category data (${c.category}) and is never cached`
    if (c.cacheTtl > 0) {
      const path = config.cache.ttl[c.name] !== undefined ? ['cache', 'ttl', c.name] : ['dataClasses', c.name]
      out.push(
        err('SPECIAL_CATEGORY_CACHED', path, `${why}: its TTL must be 0s, not ${formatSeconds(c.cacheTtl)}`),
      )
    }
    if (c.cdnTtl > 0)
      out.push(err('SPECIAL_CATEGORY_CACHED', ['cache', 'cdnTtl', c.name], `${why}: remove its CDN TTL`))
    const cached = c.storage.filter((s) => s === 'redis' || s === 'cdn')
    if (cached.length > 0 && config.dataClasses[c.name]) {
      out.push(
        err(
          'SPECIAL_CATEGORY_CACHED',
          ['dataClasses', c.name, 'storage'],
          `${why}: remove ${cached.join(' and ')} from its storage`,
        ),
      )
    }
    return out
  })

/** Each DSR deadline is within the shortest legal maximum of every declared jurisdiction. */
export const dsrDeadlines: Rule = (config) =>
  (['access', 'rectification', 'erasure'] as const).flatMap((kind) =>
    config.jurisdictions.flatMap((code) => {
      const legal = JURISDICTION_FACTS[code].deadlines[kind]
      const limit = guaranteedSeconds(legal)
      const configured = config.dsr.deadlines[kind]
      if (configured <= limit) return []
      const counted = legal.business
        ? '; business days are counted as calendar days, the shortest they can be'
        : legal.months
          ? '; a month is counted as 28 days, the shortest it can be'
          : ''
      return [
        err(
          'DSR_DEADLINE_EXCEEDS_LAW',
          ['dsr', 'deadlines', kind],
          `${kind} deadline ${formatSeconds(configured)} exceeds ${code}: ${legal.source}, at most ${formatSeconds(limit)}${counted}`,
        ),
      ]
    }),
  )

/**
 * The subjects' own law is declared; a region's law is declared (a region in Brazil brings LGPD in);
 * storing data outside the subjects' country, where their law deems it not adequate, needs a transfer mechanism.
 */
export const transfers: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const { subjectsCountry, transferMechanism } = config.dataResidency
  const subjects = jurisdictionOfCountry(subjectsCountry)
  if (subjects && !config.jurisdictions.includes(subjects)) {
    findings.push(
      err(
        'JURISDICTION_MISSING',
        ['dataResidency', 'subjectsCountry'],
        `the data subjects live in ${subjectsCountry}, whose law ${JURISDICTION_FACTS[subjects].law} is not declared: add ${subjects} to jurisdictions`,
      ),
    )
  }
  const adequate = subjects ? JURISDICTION_FACTS[subjects].adequateCountries : null
  platform.regions.forEach((region, i) => {
    const law = jurisdictionOfCountry(region.country)
    if (law && !config.jurisdictions.includes(law)) {
      findings.push(
        err(
          'JURISDICTION_MISSING',
          ['regions', i, 'name'],
          `${region.name} is in ${region.country}, which brings ${JURISDICTION_FACTS[law].law} into scope: add ${law} to jurisdictions`,
        ),
      )
    }
    if (region.country === subjectsCountry || !adequate || adequate.includes(region.country)) return
    const declared = config.dataResidency.transfers.some(
      (t) => t.from === subjectsCountry && t.to === region.country && t.mechanism,
    )
    if (!transferMechanism && !declared) {
      findings.push(
        err(
          'TRANSFER_MECHANISM_MISSING',
          ['regions', i, 'name'],
          `${region.name} stores ${subjectsCountry} personal data in ${region.country}, which is not on the adequacy list of ${subjects}: declare dataResidency.transferMechanism (model-clauses or consent)`,
        ),
      )
    }
  })
  return findings
}
