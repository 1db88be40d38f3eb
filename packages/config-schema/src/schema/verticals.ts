import * as z from 'zod'
import { dnsLabel, label, money } from '../units'
import { workloadSchema } from './compute'
import { strictObject } from './strict-object'

export const PRESET_NAMES = ['barber', 'psychology', 'beauty', 'fitness'] as const
export type PresetName = (typeof PRESET_NAMES)[number]

export const verticalSchema = strictObject({
  preset: z
    .enum(PRESET_NAMES, { error: `expected one of the presets ${PRESET_NAMES.join(', ')}` })
    .optional()
    .register(z.globalRegistry, {
      description:
        'Preset the vertical starts from; defaults to the vertical’s own name when that names a preset.',
    }),
  enabled: z.boolean().default(true),
  displayName: label.optional(),
  dataClasses: z
    .array(z.string())
    .optional()
    .register(z.globalRegistry, { description: 'Replaces the preset’s list of data classes.' }),
  purposes: z
    .array(z.string())
    .optional()
    .register(z.globalRegistry, { description: 'Replaces the preset’s list of consent purposes.' }),
  objectStorage: z.boolean().optional().register(z.globalRegistry, {
    description: 'Whether the vertical stores files (e.g. portfolio images) in S3.',
  }),
  socialIntegrations: z.array(label).optional(),
  dataSubjects: z.array(label).min(1).optional().register(z.globalRegistry, {
    description:
      'Categories of data subjects whose data the vertical processes (records of processing); replaces the preset’s.',
  }),
  workloads: z
    .record(dnsLabel, workloadSchema)
    .optional()
    .register(z.globalRegistry, { description: 'Replaces the preset’s workloads.' }),
  markets: z
    .array(dnsLabel)
    .optional()
    .register(z.globalRegistry, { description: 'Markets the vertical serves; all live markets by default.' }),
  budget: money.optional().register(z.globalRegistry, {
    description:
      'Monthly budget of the vertical’s own resources (an AWS Budget on its cost-allocation tag); the verticals’ budgets together may not exceed budget.monthly.',
  }),
  dataStores: strictObject({
    postgres: z.string().default('dedicated').register(z.globalRegistry, {
      description: 'dedicated (its own RDS instance) or the name of a store in dataStores.shared.',
    }),
    redis: z.string().default('dedicated').register(z.globalRegistry, {
      description: 'dedicated (its own replication group) or the name of a store in dataStores.shared.',
    }),
  })
    .prefault({})
    .register(z.globalRegistry, {
      description:
        'Where the vertical keeps its data: a dedicated store, or a shared store (dataStores.shared) where it gets its own PostgreSQL schema and role and its own Redis key prefix.',
    }),
  platformWideErasure: z.boolean().default(true).register(z.globalRegistry, {
    description:
      'An erasure request fulfilled by any participating vertical also erases the subject here (verticals on the same shared PostgreSQL store, dataStores.shared). Default true: one controller answers one request for all its data (GDPR art. 17(1), LGPD art. 18 VI, Ley 25.326 art. 16); set false only where subject ids do not name the same person.',
  }),
})
