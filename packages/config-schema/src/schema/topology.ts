import * as z from 'zod'
import { JURISDICTIONS } from '../jurisdictions'
import { AWS_REGIONS } from '../regions'
import { bundleVersion, bytes, dnsLabel, label, money, percent, positiveDuration } from '../units'
import { recognizeSchema } from './edge'
import { npmNamingSchema } from './npm'
import { strictObject } from './strict-object'

export const metadataSchema = strictObject({
  name: dnsLabel.describe('Short name of the platform; prefixes namespaces, buckets and resources.'),
  displayName: label.describe('Human name used in documents and dashboards.'),
  version: bundleVersion.describe(
    'Version of this platform definition; bundles are published under it (S3 and npm).',
  ),
  controller: strictObject({
    name: label.describe('Legal name of the data controller.'),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as AR'),
    contact: label.describe('Where data subjects send their requests (an e-mail address or URL).'),
    dpo: strictObject({
      name: label.describe('Name of the data protection officer (encarregado).'),
      contact: label.describe('Public contact of the DPO (LGPD art. 41 §1: published on the website).'),
    })
      .optional()
      .register(z.globalRegistry, {
        description:
          'The data protection officer; LGPD art. 41 requires an encarregado wherever LGPD applies.',
      }),
    aaipRegistration: label.optional().register(z.globalRegistry, {
      description:
        'Registration of the databases with the AAIP registry (Registro Nacional de Bases de Datos, Ley 25.326 art. 21); required where AR applies.',
    }),
  }).register(z.globalRegistry, { description: 'The data controller named in the records of processing.' }),
  npm: npmNamingSchema,
})

export const regionSchema = strictObject({
  name: z.enum(AWS_REGIONS as [string, ...string[]], {
    error: 'expected an AWS region code such as sa-east-1',
  }),
  role: z.enum(['primary', 'dr']),
  multiAz: z.boolean().default(true),
})

const country = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as AR')

/** The mechanisms a transfer may rest on; the source each law gives them is in transfer-sources.ts. */
export const TRANSFER_MECHANISMS = [
  'adequacy',
  'model-clauses',
  'binding-corporate-rules',
  'consent',
] as const

export const transferSchema = strictObject({
  from: country.describe('Country whose law governs the transfer (where the data is collected or stored).'),
  to: country.describe('Destination country.'),
  mechanism: z.enum(TRANSFER_MECHANISMS).optional().register(z.globalRegistry, {
    description:
      'Legal mechanism; may be left out only when the origin’s law deems the destination adequate.',
  }),
  source: label.optional().register(z.globalRegistry, {
    description: 'The norm the mechanism rests on; defaults to the one the origin’s law gives the mechanism.',
  }),
  reference: label.optional().register(z.globalRegistry, {
    description: 'The document that implements it (contract id, clauses version).',
  }),
})

export const recipientSchema = strictObject({
  name: label.describe('Legal name of the processor or recipient.'),
  role: z.enum(['processor', 'recipient']).register(z.globalRegistry, {
    description:
      'processor: processes on the controller’s behalf; recipient: receives data for its own purposes.',
  }),
  service: z.enum(['cloud', 'cdn', 'payment', 'messaging', 'social-network', 'analytics', 'other']),
  country: country.describe('Country where the recipient processes the data (decides the transfer).'),
  receives: z.union([z.literal('all'), z.array(z.string()).min(1)]).register(z.globalRegistry, {
    description:
      'The data classes it receives, or `all` for every personal class of each vertical (hosting).',
  }),
  purpose: label.describe('Why it receives them.'),
  verticals: z
    .array(z.string())
    .optional()
    .register(z.globalRegistry, { description: 'Only these verticals use it; all by default.' }),
  contract: label
    .optional()
    .register(z.globalRegistry, { description: 'The data processing agreement or terms that bind it.' }),
})

export const dataResidencySchema = strictObject({
  subjectsCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as AR')
    .register(z.globalRegistry, { description: 'Country whose residents are the data subjects.' }),
  transferMechanism: z
    .enum(['model-clauses', 'consent', 'binding-corporate-rules'])
    .optional()
    .register(z.globalRegistry, {
      description:
        'Legal mechanism for storing personal data in a country the subjects’ law does not deem adequate.',
    }),
  transferReference: label.optional().register(z.globalRegistry, {
    description: 'The document that implements the mechanism (e.g. contract id).',
  }),
  transfers: z.array(transferSchema).default([]).register(z.globalRegistry, {
    description:
      'International transfers beyond storage in the regions: to recipients abroad and from the primary region’s country to the DR region’s. Each needs a mechanism unless the origin’s law deems the destination adequate.',
  }),
  replicationLag: positiveDuration.describe('Maximum cross-region replication lag.'),
})

export const jurisdictionsSchema = z
  .array(z.enum(JURISDICTIONS, { error: `expected one of ${JURISDICTIONS.join(', ')}` }))
  .min(1)
  .register(z.globalRegistry, {
    description: 'Privacy laws in scope: AR (Ley 25.326), BR (LGPD), EU (GDPR).',
  })

const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date such as 2027-02-08')

export const holidaysSchema = strictObject({
  AR: z.array(isoDate).optional(),
  BR: z.array(isoDate).optional(),
  EU: z.array(isoDate).optional(),
})
  .default({})
  .register(z.globalRegistry, {
    description:
      'Public holidays added to the shipped national calendars (AR and BR, 2026): business-day deadlines skip them in the jurisdiction’s time zone.',
  })

export const tierSchema = strictObject({
  description: label.optional(),
  availability: percent.describe('Availability objective over the SLO period.'),
  latencyP95: positiveDuration.describe('95th percentile latency objective.'),
  burnRateAlerts: strictObject({ page: z.boolean().default(true), ticket: z.boolean().default(true) })
    .prefault({})
    .register(z.globalRegistry, {
      description: 'Turn the paging (fast) or ticket (slow) burn-rate alerts off for this tier.',
    }),
  minRequests: z.number().int().nonnegative().default(100).register(z.globalRegistry, {
    description:
      'Burn-rate alerts stay silent while a market saw fewer requests than this in the long window.',
  }),
})

export const marketSchema = strictObject({
  city: label,
  tier: dnsLabel,
  status: z.enum(['live', 'planned']).default('live'),
  trafficShare: percent.describe('Share of traffic; the live markets sum to 100%.'),
  budget: money.describe('Monthly budget of the market (part of budget.monthly).'),
  latencyP95: positiveDuration
    .optional()
    .register(z.globalRegistry, { description: 'Overrides the tier’s latency objective for this market.' }),
  edgeCache: bytes.describe(
    'Edge (CDN) cache capacity planned for the market: a capacity figure for the documents and the cost review; CloudFront has no per-market cache size to set.',
  ),
  recognize: recognizeSchema.optional(),
})
