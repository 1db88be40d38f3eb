import * as z from 'zod'
import { JURISDICTIONS } from '../jurisdictions'
import { AWS_REGIONS } from '../regions'
import { bundleVersion, bytes, dnsLabel, label, money, percent, positiveDuration } from '../units'
import { recognizeSchema } from './edge'
import { npmNamingSchema } from './npm'

export const metadataSchema = z.strictObject({
  name: dnsLabel.describe('Short name of the platform; prefixes namespaces, buckets and resources.'),
  displayName: label.describe('Human name used in documents and dashboards.'),
  version: bundleVersion.describe(
    'Version of this platform definition; bundles are published under it (S3 and npm).',
  ),
  controller: z
    .strictObject({
      name: label.describe('Legal name of the data controller.'),
      country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as AR'),
      contact: label.describe('Where data subjects send their requests (an e-mail address or URL).'),
      dpo: z
        .strictObject({
          name: label.describe('Name of the data protection officer (encarregado).'),
          contact: label.describe('Public contact of the DPO (LGPD art. 41 §1: published on the website).'),
        })
        .optional()
        .describe('The data protection officer; LGPD art. 41 requires an encarregado wherever LGPD applies.'),
      aaipRegistration: label
        .optional()
        .describe(
          'Registration of the databases with the AAIP registry (Registro Nacional de Bases de Datos, Ley 25.326 art. 21); required where AR applies.',
        ),
    })
    .describe('The data controller named in the records of processing.'),
  npm: npmNamingSchema,
})

export const regionSchema = z.strictObject({
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

export const transferSchema = z.strictObject({
  from: country.describe('Country whose law governs the transfer (where the data is collected or stored).'),
  to: country.describe('Destination country.'),
  mechanism: z
    .enum(TRANSFER_MECHANISMS)
    .optional()
    .describe('Legal mechanism; may be left out only when the origin’s law deems the destination adequate.'),
  source: label
    .optional()
    .describe('The norm the mechanism rests on; defaults to the one the origin’s law gives the mechanism.'),
  reference: label.optional().describe('The document that implements it (contract id, clauses version).'),
})

export const recipientSchema = z.strictObject({
  name: label.describe('Legal name of the processor or recipient.'),
  role: z
    .enum(['processor', 'recipient'])
    .describe(
      'processor: processes on the controller’s behalf; recipient: receives data for its own purposes.',
    ),
  service: z.enum(['cloud', 'cdn', 'payment', 'messaging', 'social-network', 'analytics', 'other']),
  country: country.describe('Country where the recipient processes the data (decides the transfer).'),
  receives: z
    .union([z.literal('all'), z.array(z.string()).min(1)])
    .describe('The data classes it receives, or `all` for every personal class of each vertical (hosting).'),
  purpose: label.describe('Why it receives them.'),
  verticals: z.array(z.string()).optional().describe('Only these verticals use it; all by default.'),
  contract: label.optional().describe('The data processing agreement or terms that bind it.'),
})

export const dataResidencySchema = z.strictObject({
  subjectsCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as AR')
    .describe('Country whose residents are the data subjects.'),
  transferMechanism: z
    .enum(['model-clauses', 'consent', 'binding-corporate-rules'])
    .optional()
    .describe(
      'Legal mechanism for storing personal data in a country the subjects’ law does not deem adequate.',
    ),
  transferReference: label
    .optional()
    .describe('The document that implements the mechanism (e.g. contract id).'),
  transfers: z
    .array(transferSchema)
    .default([])
    .describe(
      'International transfers beyond storage in the regions: to recipients abroad and from the primary region’s country to the DR region’s. Each needs a mechanism unless the origin’s law deems the destination adequate.',
    ),
  replicationLag: positiveDuration.describe('Maximum cross-region replication lag.'),
})

export const jurisdictionsSchema = z
  .array(z.enum(JURISDICTIONS, { error: `expected one of ${JURISDICTIONS.join(', ')}` }))
  .min(1)
  .describe('Privacy laws in scope: AR (Ley 25.326), BR (LGPD), EU (GDPR).')

const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date such as 2027-02-08')

export const holidaysSchema = z
  .strictObject({
    AR: z.array(isoDate).optional(),
    BR: z.array(isoDate).optional(),
    EU: z.array(isoDate).optional(),
  })
  .default({})
  .describe(
    'Public holidays added to the shipped national calendars (AR and BR, 2026): business-day deadlines skip them in the jurisdiction’s time zone.',
  )

export const tierSchema = z.strictObject({
  description: label.optional(),
  availability: percent.describe('Availability objective over the SLO period.'),
  latencyP95: positiveDuration.describe('95th percentile latency objective.'),
  burnRateAlerts: z
    .strictObject({ page: z.boolean().default(true), ticket: z.boolean().default(true) })
    .prefault({})
    .describe('Turn the paging (fast) or ticket (slow) burn-rate alerts off for this tier.'),
  minRequests: z
    .number()
    .int()
    .nonnegative()
    .default(100)
    .describe('Burn-rate alerts stay silent while a market saw fewer requests than this in the long window.'),
})

export const marketSchema = z.strictObject({
  city: label,
  tier: dnsLabel,
  status: z.enum(['live', 'planned']).default('live'),
  trafficShare: percent.describe('Share of traffic; the live markets sum to 100%.'),
  budget: money.describe('Monthly budget of the market (part of budget.monthly).'),
  latencyP95: positiveDuration.optional().describe('Overrides the tier’s latency objective for this market.'),
  edgeCache: bytes.describe(
    'Edge (CDN) cache capacity planned for the market: a capacity figure for the documents and the cost review; CloudFront has no per-market cache size to set.',
  ),
  recognize: recognizeSchema.optional(),
})
