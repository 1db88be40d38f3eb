import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

describe('cross-border transfers and jurisdictions', () => {
  it('require a transfer mechanism for AR subjects stored in sa-east-1 (Brazil) and us-east-1', () => {
    // Only the storage transfers: the declared ones (which would cover them) and the recipients go.
    const diagnostics = diagnosticsOf(
      edit(
        argentinaText(),
        [['dataResidency', 'transferMechanism'], undefined],
        [['dataResidency', 'transfers'], [{ from: 'BR', to: 'US', mechanism: 'model-clauses' }]],
        [['recipients'], {}],
      ),
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
      // Replicating from Brazil to Ireland is an LGPD transfer of its own, declared here.
      [['dataResidency', 'transfers'], [{ from: 'BR', to: 'IE', mechanism: 'model-clauses' }]],
      [['recipients'], {}],
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
    // The example's Argentine breach-notification target goes with it.
    expect(errorsAfter([['jurisdictions'], ['BR']], [['incidents', 'breachNotification'], {}])).toEqual([
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

  it('consent to special-category data must be explicit', () => {
    expect(errorsAfter([['consent', 'purposes', 'health-care', 'explicit'], false])).toEqual([
      'EXPLICIT_CONSENT_REQUIRED consent.purposes.health-care.explicit',
    ])
    // Without the health-care purpose the vertical has nothing lawful left for its special data.
    expect(
      errorsAfter(
        [['consent', 'purposes', 'health-care', 'explicit'], false],
        [
          ['verticals', 'psychology', 'purposes'],
          ['booking', 'health-care'],
        ],
      ),
    ).toEqual([
      'EXPLICIT_CONSENT_REQUIRED verticals.psychology.purposes',
      'EXPLICIT_CONSENT_REQUIRED consent.purposes.health-care.explicit',
    ])
  })

  it('special-category data rests only on the bases each declared law allows, article cited', () => {
    expect(errorsAfter([['consent', 'purposes', 'health-care', 'legalBasis'], 'contract'])).toEqual([
      'LEGAL_BASIS_NOT_ALLOWED consent.purposes.health-care.legalBasis',
      'LEGAL_BASIS_NOT_ALLOWED consent.purposes.health-care.legalBasis',
    ])
    const [ar] = diagnosticsOf(
      edit(argentinaText(), [
        ['consent', 'purposes', 'clinical-record', 'legalBasis'],
        'legitimate-interest',
      ]),
    )
    expect(ar?.message).toBe(
      'purpose "clinical-record" covers data AR deems special, for which AR law allows no "legitimate-interest" basis: use consent (Ley 25.326 art. 7.1 with art. 5 (express consent)), legal-obligation (Ley 25.326 art. 7.2 (general interest authorized by law)), health-care (Ley 25.326 art. 8 (health establishments and professionals, under professional secrecy))',
    )
    // Legal obligation: a ground for sensitive data in AR (art. 7.2) and BR (art. 11 II a), not by itself in the EU.
    expect(
      errorsAfter([['consent', 'purposes', 'clinical-record', 'legalBasis'], 'legal-obligation']),
    ).toEqual([])
    const [eu] = diagnosticsOf(
      edit(
        argentinaText(),
        [['consent', 'purposes', 'clinical-record', 'legalBasis'], 'legal-obligation'],
        [['jurisdictions'], ['AR', 'BR', 'EU']],
      ),
    )
    expect(eu?.code).toBe('LEGAL_BASIS_NOT_ALLOWED')
    expect(eu?.message).toMatch(
      /EU law allows no "legal-obligation" basis \(GDPR art\. 9\(2\) has no general/,
    )
  })

  it('is validated per jurisdiction: biometrics are not sensitive under Ley 25.326', () => {
    const basis = ['consent', 'purposes', 'training', 'legalBasis']
    const training = {
      description: 'Plan training',
      legalBasis: 'legal-obligation',
      dataClasses: ['biometric-measurements'],
    }
    // BR allows a legal obligation (art. 11 II a); with EU declared, art. 9(2) does not.
    expect(errorsAfter([['consent', 'purposes', 'training'], training])).toEqual([])
    expect(
      errorsAfter([['consent', 'purposes', 'training'], training], [['jurisdictions'], ['AR', 'BR', 'EU']]),
    ).toEqual(['EXPLICIT_CONSENT_REQUIRED verticals.fitness', `LEGAL_BASIS_NOT_ALLOWED ${basis.join('.')}`])
  })

  it('resolves the article behind every purpose basis per jurisdiction', () => {
    const purposes = resolveText(argentinaText()).consent.purposes
    expect(purposes['clinical-record']?.legalSources).toEqual([
      {
        jurisdiction: 'AR',
        special: true,
        article: 'Ley 25.326 art. 8 (health establishments and professionals, under professional secrecy)',
      },
      {
        jurisdiction: 'BR',
        special: true,
        article: 'LGPD art. 11 II f (health protection, by health professionals or services)',
      },
    ])
    expect(purposes.booking?.legalSources).toEqual([
      { jurisdiction: 'AR', special: false, article: 'Ley 25.326 art. 5.2 d' },
      { jurisdiction: 'BR', special: false, article: 'LGPD art. 7 V' },
    ])
  })

  it('a record class is kept at least as long as its legal retention duty', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [['retention', 'recordClasses', 'clinical', 'keep'], '5y']),
    )
    expect(d).toMatchObject({ code: 'RETENTION_BELOW_DUTY', path: 'retention.recordClasses.clinical.keep' })
    expect(d?.message).toBe(
      'record class "clinical" is kept 1825d, less than the 3650d its duty requires (Ley 26.529 art. 18 (at least 10 years from the last entry)): keep it at least that long',
    )
    expect(resolveText(argentinaText()).retention.recordClasses.clinical?.duty).toEqual({
      minimum: 3650 * 86_400,
      countedFrom: 'last-entry',
      source: 'Ley 26.529 art. 18 (at least 10 years from the last entry)',
    })
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
      'vertical "fitness" processes special-category data "biometric-measurements" but none of its purposes asks explicit consent for it or rests on a basis the law allows for it',
    )
  })
})
