import * as z from 'zod'
import { label } from '../units'
import { strictObject } from './strict-object'

/** An IPv4 CIDR block, octets up to 255 and a prefix up to 32. */
export const ipv4Cidr = z
  .string()
  .regex(
    /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/,
    'expected an IPv4 CIDR such as 10.20.0.0/16',
  )
  .refine((cidr) => {
    const [address = '', prefix = ''] = cidr.split('/')
    return address.split('.').every((octet) => Number(octet) <= 255) && Number(prefix) <= 32
  }, 'expected an IPv4 CIDR such as 10.20.0.0/16: octets up to 255, a prefix up to 32')

const domain = z
  .string()
  .max(200)
  .regex(
    /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'expected a lowercase DNS domain such as turnos.example',
  )

const acmCertificateArn = z
  .string()
  .regex(
    /^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
    'expected the ARN of an ACM certificate: arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>',
  )

/** The CloudFront distribution in front of each vertical's load balancer. */
export const cdnSchema = strictObject({
  enabled: z.boolean().register(z.globalRegistry, {
    description:
      'Put a CloudFront distribution in front of each vertical’s ALB: security headers, per-data-class caching and the CLOUDFRONT-scope WAF.',
  }),
  certificateArn: acmCertificateArn.describe(
    'ACM certificate in us-east-1 (CloudFront reads certificates only there) covering <vertical>.<domain>.',
  ),
  paths: z
    .record(
      z.string(),
      z
        .array(
          z
            .string()
            .regex(
              /^\/[A-Za-z0-9._~/*-]*$/,
              'expected a CloudFront path pattern such as /static/* or /api/catalogue/*',
            ),
        )
        .min(1),
    )
    .default({})
    .register(z.globalRegistry, {
      description:
        'Path patterns that serve each data class with a CDN TTL: one cache behaviour each, cached for cache.cdnTtl.<class>. Every other path is never cached at the edge.',
    }),
})

/**
 * The edge: an ALB per vertical (AWS Load Balancer Controller Ingress, IP targets), optionally with
 * CloudFront in front. Without it the bundle has no Ingress and `security.network.ingressNamespace`
 * names where traffic comes from.
 */
export const edgeSchema = strictObject({
  domain: domain.describe('Each vertical is served at <vertical>.<domain>.'),
  certificateArn: acmCertificateArn.describe(
    'ACM certificate in the primary region covering <vertical>.<domain>: the ALB’s HTTPS listener.',
  ),
  loadBalancerSubnetCidrs: z.array(ipv4Cidr).min(1).register(z.globalRegistry, {
    description:
      'Subnets the ALB’s nodes live in. With IP targets the ALB connects to pod IPs from these addresses: the NetworkPolicy admits only them to the app port.',
  }),
  cdn: cdnSchema.optional(),
})

/** One way a request is recognized as belonging to a market; the first market that matches wins. */
export const recognizeSchema = strictObject({
  viewerRegions: z
    .array(
      z
        .string()
        .regex(
          /^[A-Z]{2}-[A-Z0-9]{1,3}$/,
          'expected an ISO 3166-2 subdivision such as AR-C (Ciudad Autónoma de Buenos Aires) or AR-X (Córdoba)',
        ),
    )
    .optional()
    .register(z.globalRegistry, {
      description:
        'ISO 3166-2 subdivisions of the viewer, from CloudFront-Viewer-Country and CloudFront-Viewer-Country-Region.',
    }),
  viewerCities: z.array(label).optional().register(z.globalRegistry, {
    description: 'Cities of the viewer, from CloudFront-Viewer-City (compared without case or accents).',
  }),
  hosts: z.array(domain).optional().register(z.globalRegistry, {
    description: 'Host names whose requests belong to the market (the Host header).',
  }),
  pathPrefixes: z
    .array(z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'expected a URL path prefix such as /ba/'))
    .optional()
    .register(z.globalRegistry, { description: 'URL path prefixes whose requests belong to the market.' }),
}).register(z.globalRegistry, {
  description:
    'How a request is attributed to the market by @verticals/observability, without the caller’s help.',
})
