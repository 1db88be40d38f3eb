import { SPECIAL_BASES, SPECIAL_BASIS_GAPS } from '../legal-bases'
import type { ResolvedPurpose } from '../public-types'
import type { PlatformConfig } from '../schema/platform'
import { err, formatSeconds, type Rule, type RuleFinding } from './shared'

/** Consent validity is positive and within consent.maxValidity; special-category data needs explicit consent. */
export const consentRules: Rule = (config, platform) => {
  const findings: RuleFinding[] = []
  const max = config.consent.maxValidity
  if (max <= 0)
    findings.push(
      err('CONSENT_VALIDITY', ['consent', 'maxValidity'], 'consent.maxValidity must be longer than 0s'),
    )
  for (const purpose of Object.values(platform.consent.purposes)) {
    const own = config.consent.purposes[purpose.name]
    // A preset's purpose is not written in the file: point at maxValidity, which is what conflicts with it.
    const validityPath =
      own?.validity !== undefined
        ? ['consent', 'purposes', purpose.name, 'validity']
        : ['consent', 'maxValidity']
    const origin = own ? '' : ' (from a preset; redefine it under consent.purposes to change it)'
    if (purpose.validity <= 0)
      findings.push(
        err(
          'CONSENT_VALIDITY',
          validityPath,
          `consent for "${purpose.name}" must be valid for longer than 0s`,
        ),
      )
    if (max > 0 && purpose.validity > max) {
      findings.push(
        err(
          'CONSENT_VALIDITY',
          validityPath,
          `consent for "${purpose.name}" lasts ${formatSeconds(purpose.validity)}, more than consent.maxValidity ${formatSeconds(max)}${origin}`,
        ),
      )
    }
    findings.push(...specialBasis(config, purpose, origin))
  }
  for (const vertical of Object.values(platform.verticals)) {
    const lawful = vertical.purposes
      .map((p) => platform.consent.purposes[p])
      .filter((p) => p !== undefined && lawfulForSpecial(p))
    for (const name of vertical.dataClasses) {
      if (!platform.dataClasses[name]?.special || lawful.some((p) => p?.dataClasses.includes(name))) continue
      const path = config.verticals[vertical.name]?.purposes
        ? ['verticals', vertical.name, 'purposes']
        : ['verticals', vertical.name]
      findings.push(
        err(
          'EXPLICIT_CONSENT_REQUIRED',
          path,
          `vertical "${vertical.name}" processes special-category data "${name}" but none of its purposes asks explicit consent for it or rests on a basis the law allows for it`,
        ),
      )
    }
  }
  return findings
}

// Consent must be explicit for special data; any other basis must be one each declared law allows for it.
const lawfulForSpecial = (p: ResolvedPurpose): boolean =>
  p.legalBasis === 'consent' ? p.explicit : p.legalSources.every((s) => !s.special || s.article !== null)

/** Findings for a special-category purpose whose basis is not explicit consent or not allowed by a declared law. */
function specialBasis(config: PlatformConfig, purpose: ResolvedPurpose, origin: string): RuleFinding[] {
  if (!purpose.special) return []
  const own = config.consent.purposes[purpose.name]
  if (purpose.legalBasis === 'consent') {
    if (purpose.explicit) return []
    return [
      err(
        'EXPLICIT_CONSENT_REQUIRED',
        own ? ['consent', 'purposes', purpose.name, 'explicit'] : ['consent'],
        `purpose "${purpose.name}" covers special-category data: consent to it must be explicit (explicit: true), or rest it on a basis the law allows for special data${origin}`,
      ),
    ]
  }
  return purpose.legalSources
    .filter((s) => s.special && s.article === null)
    .map(({ jurisdiction }) => {
      const allowed = Object.entries(SPECIAL_BASES[jurisdiction])
        .map(([basis, article]) => `${basis} (${article})`)
        .join(', ')
      const gap = SPECIAL_BASIS_GAPS[jurisdiction]?.[purpose.legalBasis]
      return err(
        'LEGAL_BASIS_NOT_ALLOWED',
        own ? ['consent', 'purposes', purpose.name, 'legalBasis'] : ['consent'],
        `purpose "${purpose.name}" covers data ${jurisdiction} deems special, for which ${jurisdiction} law allows no "${purpose.legalBasis}" basis${gap ? ` (${gap})` : ''}: use ${allowed}${origin}`,
      )
    })
}
