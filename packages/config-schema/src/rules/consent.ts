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
    if (purpose.special && (!purpose.explicit || purpose.legalBasis !== 'consent')) {
      const path = own
        ? ['consent', 'purposes', purpose.name, own.legalBasis !== 'consent' ? 'legalBasis' : 'explicit']
        : ['consent']
      findings.push(
        err(
          'EXPLICIT_CONSENT_REQUIRED',
          path,
          `purpose "${purpose.name}" covers special-category data: use legalBasis: consent with explicit: true${origin}`,
        ),
      )
    }
  }
  for (const vertical of Object.values(platform.verticals)) {
    const explicit = vertical.purposes
      .map((p) => platform.consent.purposes[p])
      .filter((p) => p?.explicit && p.legalBasis === 'consent')
    for (const name of vertical.dataClasses) {
      if (!platform.dataClasses[name]?.special || explicit.some((p) => p?.dataClasses.includes(name)))
        continue
      const path = config.verticals[vertical.name]?.purposes
        ? ['verticals', vertical.name, 'purposes']
        : ['verticals', vertical.name]
      findings.push(
        err(
          'EXPLICIT_CONSENT_REQUIRED',
          path,
          `vertical "${vertical.name}" processes special-category data "${name}" but none of its purposes asks explicit consent for it`,
        ),
      )
    }
  }
  return findings
}
