import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('cross-border transfers and jurisdictions', () => {
  it('require a transfer mechanism for AR subjects stored in sa-east-1 (Brazil) and us-east-1', () => {
    const diagnostics = diagnosticsOf(
      edit(argentinaText(), [['dataResidency', 'transferMechanism'], undefined]),
    )
    expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'TRANSFER_MECHANISM_MISSING regions[0].name',
      'TRANSFER_MECHANISM_MISSING regions[1].name',
    ])
    expect(diagnostics[0]?.message).toBe(
      'sa-east-1 stores AR personal data in BR, which is not on the adequacy list of AR: declare dataResidency.transferMechanism (model-clauses or consent)',
    )
  })

  it('need no mechanism for a region in a country Argentina deems adequate', () => {
    const text = edit(
      argentinaText(),
      [['dataResidency', 'transferMechanism'], undefined],
      [['regions', 1, 'name'], 'eu-west-1'],
      [['jurisdictions'], ['AR', 'BR', 'EU']],
    )
    expect(diagnosticsOf(text).map((d) => `${d.code} ${d.path}`)).toEqual([
      'TRANSFER_MECHANISM_MISSING regions[0].name',
    ])
  })

  it('a region in Brazil brings LGPD into scope', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['jurisdictions'], ['AR']]))
    expect(d).toMatchObject({ code: 'JURISDICTION_MISSING', path: 'regions[0].name' })
    expect(d?.message).toMatch(
      /^sa-east-1 is in BR, which brings Lei Geral de Proteção de Dados .* into scope: add BR to jurisdictions$/,
    )
  })

  it("the subjects' own law must be declared", () => {
    expect(errorsAfter([['jurisdictions'], ['BR']])).toEqual([
      'JURISDICTION_MISSING dataResidency.subjectsCountry',
    ])
  })
})

describe('consent', () => {
  it('validity must be positive', () => {
    expect(errorsAfter([['consent', 'purposes', 'health-care', 'validity'], '0s'])).toEqual([
      'CONSENT_VALIDITY consent.purposes.health-care.validity',
    ])
    expect(errorsAfter([['consent', 'maxValidity'], '0s'])).toContain('CONSENT_VALIDITY consent.maxValidity')
  })

  it('validity may not exceed consent.maxValidity', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [['consent', 'purposes', 'health-care', 'validity'], '25mo']),
    )
    expect(d).toMatchObject({ code: 'CONSENT_VALIDITY', path: 'consent.purposes.health-care.validity' })
    expect(d?.message).toBe('consent for "health-care" lasts 750d, more than consent.maxValidity 720d')
  })

  it("a preset purpose's validity is checked too, and the finding points at maxValidity", () => {
    const diagnostics = diagnosticsOf(
      edit(
        argentinaText(),
        [['consent', 'maxValidity'], '18mo'],
        [['consent', 'purposes', 'health-care', 'validity'], '12mo'],
      ),
    )
    expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'CONSENT_VALIDITY consent.maxValidity',
      'CONSENT_VALIDITY consent.maxValidity',
    ])
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(
      /consent for "training" lasts 720d.*from a preset/,
    )
  })

  it('special-category data needs legalBasis consent with explicit: true', () => {
    expect(errorsAfter([['consent', 'purposes', 'health-care', 'explicit'], false])).toEqual([
      'EXPLICIT_CONSENT_REQUIRED verticals.psychology',
      'EXPLICIT_CONSENT_REQUIRED consent.purposes.health-care.explicit',
    ])
    expect(errorsAfter([['consent', 'purposes', 'health-care', 'legalBasis'], 'contract'])).toContain(
      'EXPLICIT_CONSENT_REQUIRED consent.purposes.health-care.legalBasis',
    )
  })

  it('a vertical that processes special data must have an explicit-consent purpose for it', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [
        ['verticals', 'fitness', 'purposes'],
        ['booking', 'marketing'],
      ]),
    )
    expect(d).toMatchObject({ code: 'EXPLICIT_CONSENT_REQUIRED', path: 'verticals.fitness.purposes' })
    expect(d?.message).toBe(
      'vertical "fitness" processes special-category data "biometric-measurements" but none of its purposes asks explicit consent for it',
    )
  })
})
