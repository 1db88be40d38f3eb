import { LEGAL_BASES } from '@verticals/config-schema'
import * as z from 'zod'

// The shape of every JSON policy the compliance bundle writes. Builders are typed from these schemas
// and the validator checks generated (or committed, hand-edited) files against them.

const seconds = z.number().nonnegative()
const name = z.string().min(1)

/** `<vertical>/compliance/retention.json`. */
export const retentionPolicySchema = z.strictObject({
  vertical: name,
  batchSize: z.number().int().positive(),
  runEverySeconds: seconds,
  recordClasses: z.array(
    z.strictObject({
      name,
      description: z.string(),
      keepSeconds: seconds,
      keep: z.string(),
      action: z.enum(['delete', 'anonymize']),
      dataClasses: z.array(name),
      /** A legal duty to keep the class: erasure keeps its records until it ends. */
      duty: z
        .strictObject({
          minimumSeconds: seconds,
          minimum: z.string(),
          countedFrom: z.enum(['creation', 'last-entry']),
          source: z.string(),
        })
        .nullable(),
    }),
  ),
  operational: z.strictObject({
    metricsSeconds: seconds,
    logsSeconds: seconds,
    databaseBackupsSeconds: seconds,
  }),
})

/** `<vertical>/compliance/consent.json`. */
export const consentPolicySchema = z.strictObject({
  vertical: name,
  textVersion: name,
  maxValiditySeconds: seconds,
  purposes: z.array(
    z.strictObject({
      name,
      description: z.string(),
      legalBasis: z.enum(LEGAL_BASES),
      legalBasisText: z.string(),
      /** Per declared jurisdiction, the article that allows the basis (special: for sensitive data). */
      legalSources: z.array(
        z.strictObject({ jurisdiction: name, special: z.boolean(), article: z.string().nullable() }),
      ),
      consentRequired: z.boolean(),
      explicit: z.boolean(),
      special: z.boolean(),
      withdrawable: z.boolean(),
      validitySeconds: seconds,
      validity: z.string(),
      dataClasses: z.array(name),
    }),
  ),
})

const location = z.strictObject({
  system: z.enum(['postgres', 'redis', 'object-storage', 'cdn']),
  description: z.string(),
  regions: z.array(name),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  edge: z.boolean(),
})

const placement = z.strictObject({
  store: name,
  shared: z.boolean(),
  coLocatedWith: z.array(name),
})

/** `<vertical>/compliance/data-map.json`. */
export const dataMapSchema = z.strictObject({
  vertical: name,
  controller: z.strictObject({ name, country: name, contact: name }),
  subjectsCountry: name,
  dataStores: z.strictObject({
    // erasesWith: the co-located members an erasure here asks to erase (request_erasure in their
    // schema), each with its own service and keys; they may ask this vertical the same way.
    postgres: placement.extend({ erasesWith: z.array(name), schema: name, role: name }),
    redis: placement.extend({ keyPrefix: name }),
  }),
  dataClasses: z.array(
    z.strictObject({
      name,
      description: z.string(),
      category: name,
      personal: z.boolean(),
      special: z.boolean(),
      specialIn: z.array(name),
      fields: z.array(name),
      purposes: z.array(name),
      storage: z.array(location),
      retention: z
        .strictObject({ recordClass: name, keepSeconds: seconds, action: z.enum(['delete', 'anonymize']) })
        .nullable(),
      cache: z.strictObject({ ttlSeconds: seconds, cdnTtlSeconds: seconds, neverCached: z.boolean() }),
      recipients: z.array(z.strictObject({ name, role: z.enum(['processor', 'recipient', 'public']) })),
    }),
  ),
})

const text = z.string()
const registerRow = z.strictObject({
  section: z.enum([
    'controller',
    'dpo',
    'aaip-registration',
    'data-subjects',
    'purpose',
    'recipient',
    'transfer',
    'retention',
    'security',
  ]),
  entry: z.string().min(1),
  dataClasses: text,
  country: text,
  basis: text,
  source: text,
  details: text,
})

/** `records-of-processing.json`: the register of a vertical (the CSV's rows) and the parts it is made of. */
export const recordsPolicySchema = z.strictObject({
  vertical: name,
  controller: z.strictObject({
    name: text,
    country: text,
    contact: text,
    dpo: z.strictObject({ name: text, contact: text }).nullable(),
    aaipRegistration: text.nullable(),
  }),
  dataSubjects: z.array(text).min(1),
  recipients: z.array(
    z.strictObject({
      key: name,
      name: text,
      role: z.enum(['processor', 'recipient']),
      service: name,
      country: text,
      purpose: text,
      contract: text.nullable(),
      dataClasses: z.array(name).min(1),
      transfer: z.strictObject({ from: text, to: text, mechanism: name.nullable(), source: text }).nullable(),
    }),
  ),
  transfers: z.array(
    z.strictObject({
      from: text,
      to: text,
      why: text,
      dataClasses: z.array(name).min(1),
      mechanism: name.nullable(),
      mechanismText: text,
      source: text,
      reference: text.nullable(),
    }),
  ),
  retention: z.array(
    z.strictObject({
      recordClass: name,
      dataClasses: z.array(name),
      keep: text,
      action: text,
      duty: text.nullable(),
      source: text,
    }),
  ),
  security: z.array(z.strictObject({ measure: text, enforcedBy: z.array(text) })),
  columns: z.array(text),
  register: z.array(registerRow).min(1),
})

/** The content of `retention.json`. */
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>
/** The content of `consent.json`. */
export type ConsentPolicy = z.infer<typeof consentPolicySchema>
/** The content of `records-of-processing.json`. */
export type RecordsPolicy = z.infer<typeof recordsPolicySchema>
/** The content of `data-map.json`. */
export type DataMap = z.infer<typeof dataMapSchema>
/** Where one storage system keeps a data class. */
export type StorageLocation = z.infer<typeof location>

/** The schema of each JSON file of the compliance bundle, by file name. */
export const POLICY_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'retention.json': retentionPolicySchema,
  'consent.json': consentPolicySchema,
  'data-map.json': dataMapSchema,
  'records-of-processing.json': recordsPolicySchema,
}
