import * as z from 'zod'
import { computeSchema } from './compute'
import {
  auditSchema,
  cacheSchema,
  consentSchema,
  dataClassSchema,
  dataStoresSchema,
  dsrSchema,
  retentionSchema,
} from './data'
import {
  alertsSchema,
  budgetSchema,
  disasterRecoverySchema,
  incidentsSchema,
  maintenanceSchema,
  monitoringSchema,
  securitySchema,
  sloSchema,
  terraformSchema,
} from './operations'
import { strictObject } from './strict-object'
import {
  dataResidencySchema,
  holidaysSchema,
  jurisdictionsSchema,
  marketSchema,
  metadataSchema,
  recipientSchema,
  regionSchema,
  tierSchema,
} from './topology'
import { verticalSchema } from './verticals'

/** The apiVersion values this release reads. Older versions will be migrated here, never broken. */
export const SUPPORTED_API_VERSIONS = ['verticals/v1'] as const

/** The whole platform.yaml. Objects are strict: an unknown key is an error, with a did-you-mean. */
export const platformSchema = strictObject({
  apiVersion: z.literal('verticals/v1'),
  kind: z.literal('Platform'),
  metadata: metadataSchema,
  jurisdictions: jurisdictionsSchema,
  holidays: holidaysSchema,
  regions: z.array(regionSchema).min(1),
  dataResidency: dataResidencySchema,
  recipients: z.record(z.string(), recipientSchema).default({}).register(z.globalRegistry, {
    description:
      'Processors and recipients of personal data, for the records of processing and the data map.',
  }),
  tiers: z.record(z.string(), tierSchema),
  markets: z.record(z.string(), marketSchema),
  verticals: z.record(z.string(), verticalSchema),
  compute: computeSchema,
  dataStores: dataStoresSchema,
  dataClasses: z.record(z.string(), dataClassSchema).default({}),
  cache: cacheSchema,
  consent: consentSchema,
  retention: retentionSchema,
  audit: auditSchema.prefault({}).register(z.globalRegistry, {
    description: 'The tamper-evident audit log: anchors of its chain heads.',
  }),
  dsr: dsrSchema,
  slo: sloSchema,
  alerts: alertsSchema,
  monitoring: monitoringSchema,
  incidents: incidentsSchema,
  maintenance: maintenanceSchema,
  disasterRecovery: disasterRecoverySchema,
  budget: budgetSchema,
  security: securitySchema,
  terraform: terraformSchema.prefault({}).register(z.globalRegistry, {
    description: 'The Terraform state of each vertical: S3 backend, bucket and key prefix.',
  }),
}).meta({
  title: 'Verticals platform.yaml',
  description: 'One file that describes a multi-vertical platform.',
})

/** platform.yaml as written, before units are resolved. */
export type PlatformInput = z.input<typeof platformSchema>
/** platform.yaml after schema validation: units resolved, schema defaults applied, presets not yet merged. */
export type PlatformConfig = z.output<typeof platformSchema>
