import { type BrokenCase, c } from './broken-case.ts'

/** The records of processing: officers, recipients and international transfers, and fideslang keys. */
export const RECORDS_CASES: BrokenCase[] = [
  c(
    'records-dpo-missing',
    'DPO_MISSING',
    'metadata.controller',
    ['    dpo: { name: Mariana Costa (encarregada), contact: dpo@turnos.example } # LGPD art. 41\n', ''],
    ['    name: Turnos S.A.\n', '    §name: Turnos S.A.\n'],
  ),
  c(
    'records-aaip-registration-missing',
    'AAIP_REGISTRATION_MISSING',
    'metadata.controller',
    [
      '    aaipRegistration: RNBD inscripción 2026-000481 (Turnos S.A., bases clientes y prestadores) # Ley 25.326 art. 21\n',
      '',
    ],
    ['    name: Turnos S.A.\n', '    §name: Turnos S.A.\n'],
  ),
  c('records-recipient-without-transfer', 'TRANSFER_UNDECLARED', 'recipients.twilio.country', [
    '    country: US\n    receives: [user-profiles, bookings]',
    '    country: §IN\n    receives: [user-profiles, bookings]',
  ]),
  c(
    'records-replication-without-transfer',
    'TRANSFER_UNDECLARED',
    'regions[1].name',
    [
      '    - { from: BR, to: US, mechanism: model-clauses, reference: "Cláusulas-padrão contratuais ANPD (Resolução CD/ANPD 19/2024) no AWS DPA" }\n',
      '',
    ],
    ['  - name: us-east-1', '  - name: §us-east-1'],
  ),
  c('records-transfer-without-mechanism', 'TRANSFER_MECHANISM_MISSING', 'dataResidency.transfers[2]', [
    '    - { from: BR, to: US, mechanism: model-clauses, reference:',
    '    - §{ from: BR, to: US, reference:',
  ]),
  c('records-recipient-unknown-class', 'UNKNOWN_REFERENCE', 'recipients.meta.receives[0]', [
    'receives: [portfolio-images]\n    verticals: [beauty]',
    'receives: [§portfolio-image]\n    verticals: [beauty]',
  ]),
  c('fideslang-deprecated-category', 'INVALID_VALUE', 'dataClasses.biometric-measurements.category', [
    '    category: user.biometrics',
    '    category: §user.biometric',
  ]),
]
