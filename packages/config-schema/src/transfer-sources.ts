import type { Jurisdiction } from './jurisdictions'
import type { TRANSFER_MECHANISMS } from './schema/topology'

/** A mechanism an international transfer may rest on. */
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number]

// The norm each law gives a transfer mechanism, printed in the records of processing when the config
// does not cite its own. Argentina: Ley 25.326 art. 12 with Decreto 1558/2001 and the DNPDP/AAIP
// dispositions; Brazil: LGPD art. 33 with ANPD Resolution CD/ANPD 19/2024 (regulation of international
// transfers and its standard contractual clauses); EU: GDPR chapter V.
export const TRANSFER_SOURCES: Readonly<Record<Jurisdiction, Readonly<Record<TransferMechanism, string>>>> = {
  AR: {
    adequacy: 'Ley 25.326 art. 12; Disposición DNPDP 60-E/2016 (countries with adequate protection)',
    'model-clauses':
      'Ley 25.326 art. 12 and Decreto 1558/2001 art. 12; Disposición DNPDP 60-E/2016 (model contractual clauses)',
    'binding-corporate-rules':
      'Ley 25.326 art. 12; Disposición DNPDP 159/2018 (binding corporate rules guidelines)',
    consent: 'Ley 25.326 art. 12 and Decreto 1558/2001 art. 12 (express consent of the data subject)',
  },
  BR: {
    adequacy: 'LGPD art. 33 I and art. 34 (country recognized by the ANPD as adequate)',
    'model-clauses': 'LGPD art. 33 II b; Resolução CD/ANPD 19/2024 (standard contractual clauses, Annex II)',
    'binding-corporate-rules': 'LGPD art. 33 II c; Resolução CD/ANPD 19/2024 (global corporate rules)',
    consent: 'LGPD art. 33 VIII (specific and highlighted consent of the data subject)',
  },
  EU: {
    adequacy: 'GDPR art. 45 (adequacy decision)',
    'model-clauses':
      'GDPR art. 46(2)(c); Commission Implementing Decision (EU) 2021/914 (standard contractual clauses)',
    'binding-corporate-rules': 'GDPR art. 46(2)(b) and art. 47 (binding corporate rules)',
    consent: 'GDPR art. 49(1)(a) (explicit consent, a derogation for occasional transfers)',
  },
}

/** Where the records of processing cite the DPO and the database registration from. */
export const RECORDS_SOURCES = {
  dpo: 'LGPD art. 41 (encarregado pelo tratamento de dados pessoais)',
  aaipRegistration: 'Ley 25.326 art. 21 (registration with the Registro Nacional de Bases de Datos)',
  controller: 'Ley 25.326 art. 21; LGPD art. 37; GDPR art. 30(1)(a)',
} as const
