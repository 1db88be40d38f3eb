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
