import type { ResolvedPlatform } from '@verticals/config-schema'
import { edgePlan, LISTENER_PORTS, ORIGIN_VERIFY_HEADER } from '../edge'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { logRetentionDays } from './logs'
import { wafView } from './waf'

// HTTP methods a behaviour passes to the origin, and the ones whose responses CloudFront may cache.
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
const CACHED_METHODS = ['GET', 'HEAD']
// Seconds: the default behaviour never caches; a data class's policy lets the origin ask for less than its TTL.
const NO_STORE_TTL = 0
// The controller tags the ALB of an ingress group with the group's name under this key.
const ALB_STACK_TAG = 'ingress.k8s.aws/stack'

/**
 * What edge.tf prints, or null without a CDN: the CLOUDFRONT-scope web ACL (the rules of security.waf,
 * judged on the viewer's address), the response-headers policy of security.headers, one cache policy
 * per data class with a CDN TTL (every other path is never cached), the origin request policy that
 * forwards the viewer headers the markets are recognized by, and the distribution in front of the ALB.
 */
export function edgeView(platform: ResolvedPlatform, vertical: Vertical) {
  const plan = edgePlan(platform, vertical)
  if (!plan?.cdn) return null
  const prefix = resourcePrefix(platform, vertical)
  const waf = wafView(platform, vertical)
  const { headers } = platform.security
  return {
    region: plan.cdn.region,
    host: plan.host,
    albStack: { key: ALB_STACK_TAG, value: plan.groupName },
    originId: `${prefix}-alb`,
    originVerifyHeader: ORIGIN_VERIFY_HEADER,
    originVerifyDescription: `A random value CloudFront sends to the ALB in the ${ORIGIN_VERIFY_HEADER} header; the ALB's web ACL (waf.tf) blocks requests without it. Rotate it by applying a new value.`,
    outputDescription: `Point ${plan.host} at this name (a CNAME, or an alias record to the distribution).`,
    certificateArn: plan.cdn.certificateArn,
    tlsPolicy: plan.cdn.tlsPolicy,
    comment: `${platform.metadata.displayName} ${vertical.displayName}`,
    waf: { ...waf.edge, logRetentionDays: logRetentionDays(platform), redactedHeaders: waf.redactedHeaders },
    headers: {
      name: `${prefix}-security-headers`,
      hstsMaxAge: headers.hstsMaxAge,
      contentSecurityPolicy: headers.contentSecurityPolicy,
      frameOptions: headers.frameOptions,
      referrerPolicy: headers.referrerPolicy,
    },
    originRequest: { name: `${prefix}-origin`, viewerHeaders: plan.cdn.viewerHeaders.map(canonicalHeader) },
    noStore: { name: `${prefix}-no-store` },
    // Resources are numbered, not named after the data class: a class name is free text in platform.yaml.
    behaviours: plan.cdn.behaviours.flatMap((b, i) =>
      b.pathPatterns.map((pathPattern) => ({ pathPattern, dataClass: b.dataClass, policy: String(i + 1) })),
    ),
    cachePolicies: plan.cdn.behaviours.map((b, i) => ({
      key: String(i + 1),
      name: `${prefix}-cache-${i + 1}`,
      dataClass: b.dataClass,
      ttl: b.ttl,
    })),
    originPorts: LISTENER_PORTS,
    noStoreTtl: NO_STORE_TTL,
    allMethods: ALL_METHODS,
    cachedMethods: CACHED_METHODS,
  }
}

// CloudFront spells its headers CloudFront-Viewer-Country; Node reads them lower-cased.
function canonicalHeader(name: string): string {
  return name
    .split('-')
    .map((part) => (part === 'cloudfront' ? 'CloudFront' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-')
}
