import { describe, expect, it } from 'vitest'
import { formatDiagnostic } from '../diagnostics'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'
import { transferFlows } from '../transfers'

describe('records of processing: officers', () => {
  it('LGPD in scope needs a DPO (encarregado, LGPD art. 41)', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['metadata', 'controller', 'dpo'], undefined]))
    expect(d).toMatchObject({ code: 'DPO_MISSING', path: 'metadata.controller', line: 19, column: 5 })
    expect(d?.message).toMatch(
      /^LGPD applies \(BR is declared\) and requires a data protection officer: LGPD art\. 41/,
    )
    expect(formatDiagnostic(d as NonNullable<typeof d>)).toMatch(
      /^platform\.yaml:19:5 {2}metadata\.controller {2}/,
    )
  })

  it('Ley 25.326 in scope needs the AAIP registration (art. 21)', () => {
    expect(errorsAfter([['metadata', 'controller', 'aaipRegistration'], undefined])).toEqual([
      'AAIP_REGISTRATION_MISSING metadata.controller',
    ])
  })
})

describe('records of processing: transfers', () => {
  it('a recipient in a country no transfer covers is refused at its country', () => {
    const [d] = diagnosticsOf(edit(argentinaText(), [['recipients', 'twilio', 'country'], 'IN']))
    expect(d).toMatchObject({ code: 'TRANSFER_UNDECLARED', path: 'recipients.twilio.country' })
    expect(d?.message).toBe(
      "recipient twilio processes AR personal data in IN, which is not on the adequacy list of AR's law: declare a transfer { from: AR, to: IN, mechanism } in dataResidency.transfers",
    )
  })

  it('a recipient in a country the subjects’ law deems adequate needs no declaration', () => {
    expect(errorsAfter([['recipients', 'twilio', 'country'], 'UY'])).toEqual([])
    const flow = transferFlows(
      resolveText(edit(argentinaText(), [['recipients', 'twilio', 'country'], 'UY'])),
    ).find((f) => f.cause.kind === 'recipient' && f.cause.recipient === 'twilio')
    expect(flow).toMatchObject({ from: 'AR', to: 'UY', mechanism: 'adequacy' })
    expect(flow?.source).toMatch(/Disposición DNPDP 60-E\/2016/)
  })

  it('the replication from Brazil to the USA is an LGPD transfer of its own', () => {
    const transfers = [
      { from: 'AR', to: 'BR', mechanism: 'model-clauses' },
      { from: 'AR', to: 'US', mechanism: 'model-clauses' },
    ]
    expect(errorsAfter([['dataResidency', 'transfers'], transfers])).toEqual([
      'TRANSFER_UNDECLARED regions[1].name',
    ])
  })

  it('a declared transfer without a mechanism is refused unless the destination is adequate', () => {
    const transfers = (mechanism?: string) => [
      { from: 'AR', to: 'BR', mechanism: 'model-clauses' },
      { from: 'AR', to: 'US', mechanism: 'model-clauses' },
      { from: 'BR', to: 'US', mechanism },
      { from: 'AR', to: 'UY' },
    ]
    const [d] = diagnosticsOf(edit(argentinaText(), [['dataResidency', 'transfers'], transfers()]))
    expect(d).toMatchObject({ code: 'TRANSFER_MECHANISM_MISSING', path: 'dataResidency.transfers[2]' })
    expect(d?.message).toMatch(/^the transfer BR→US has no mechanism and US is not on the adequacy list/)
    expect(errorsAfter([['dataResidency', 'transfers'], transfers('consent')])).toEqual([])
  })

  it('the sources come from the origin’s law unless the config cites its own', () => {
    const flows = transferFlows(resolveText(argentinaText()))
    const brUs = flows.find((f) => f.from === 'BR' && f.to === 'US')
    expect(brUs?.source).toBe(
      'LGPD art. 33 II b; Resolução CD/ANPD 19/2024 (standard contractual clauses, Annex II)',
    )
    const cited = edit(argentinaText(), [
      ['dataResidency', 'transfers', 2, 'source'],
      'Resolução CD/ANPD 19/2024 art. 16',
    ])
    expect(transferFlows(resolveText(cited)).find((f) => f.from === 'BR')?.source).toBe(
      'Resolução CD/ANPD 19/2024 art. 16',
    )
  })
})

describe('records of processing: recipients', () => {
  it('name declared data classes and verticals, with a did-you-mean', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [['recipients', 'meta', 'receives'], ['portfolio-image']]),
    )
    expect(d).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: 'recipients.meta.receives[0]' })
    expect(d?.message).toBe('data class "portfolio-image" is not declared (did you mean "portfolio-images"?)')
    expect(errorsAfter([['recipients', 'meta', 'verticals'], ['beuty']])).toEqual([
      'UNKNOWN_REFERENCE recipients.meta.verticals[0]',
    ])
  })
})
