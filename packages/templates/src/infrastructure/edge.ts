import type { ResolvedPlatform } from '@verticals/config-schema'
import { VIEWER_HEADERS, viewerHeadersUsed } from '@verticals/observability'
import { resourcePrefix, type Vertical, type Workload, workloadsOf } from './names'
import { ALB_INGRESS_CLASS, CLOUDFRONT_REGION } from './toolchain'

/**
 * ELB security policies by `security.tls.minVersion`: TLS13-1-3 accepts TLS 1.3 only, TLS13-1-2
 * accepts TLS 1.2 and 1.3 (both with forward-secret ciphers only).
 */
export const ALB_SSL_POLICIES = {
  '1.3': 'ELBSecurityPolicy-TLS13-1-3-2021-06',
  '1.2': 'ELBSecurityPolicy-TLS13-1-2-2021-06',
} as const

/** The ALB's listeners: HTTP (redirected) and HTTPS; CloudFront reaches the ALB over HTTPS only. */
export const LISTENER_PORTS = { http: 80, https: 443 } as const

/** CloudFront viewer security policies by `security.tls.minVersion`. */
export const CLOUDFRONT_TLS_POLICIES = { '1.3': 'TLSv1.3_2025', '1.2': 'TLSv1.2_2025' } as const

/**
 * The header CloudFront adds to every origin request with a secret value; the ALB's regional web ACL
 * blocks requests without it, so nobody reaches the ALB around the edge (and its WAF rules).
 */
export const ORIGIN_VERIFY_HEADER = 'x-verticals-origin-verify'

/** One path of the vertical's host, and the HTTP workload (Service) that serves it. */
export interface EdgeRoute {
  readonly path: string
  readonly workload: Workload
}

/**
 * Where each HTTP workload is served on the vertical's host: the one named `web` (else the first) at
 * `/`, every other at `/<name>/` (the path reaches the service unchanged).
 */
export function edgeRoutes(vertical: Vertical): EdgeRoute[] {
  const http = workloadsOf(vertical).filter((w) => w.kind === 'http')
  const root = http.find((w) => w.name === 'web') ?? http[0]
  return http.map((workload) => ({ path: workload === root ? '/' : `/${workload.name}/`, workload }))
}

/** One CloudFront cache behaviour: a data class with a CDN TTL and the paths that serve it. */
export interface CacheBehaviour {
  readonly dataClass: string
  readonly ttl: number
  readonly pathPatterns: readonly string[]
}

/** The edge of one vertical, as the Ingress, the NetworkPolicy and the Terraform files print it. */
export interface EdgePlan {
  readonly host: string
  readonly groupName: string
  readonly ingressClass: string
  readonly certificateArn: string
  readonly sslPolicy: string
  readonly loadBalancerSubnetCidrs: readonly string[]
  /** Name of the REGIONAL web ACL the controller attaches to the ALB (waf.tf). */
  readonly regionalAclName: string
  readonly routes: readonly EdgeRoute[]
  readonly cdn: {
    readonly region: string
    readonly certificateArn: string
    readonly tlsPolicy: string
    readonly viewerHeaders: readonly string[]
    readonly behaviours: readonly CacheBehaviour[]
  } | null
}

/** The vertical's edge, or null when platform.yaml has no `security.edge`. */
export function edgePlan(platform: ResolvedPlatform, vertical: Vertical): EdgePlan | null {
  const edge = platform.security.edge
  if (!edge) return null
  const prefix = resourcePrefix(platform, vertical)
  const minVersion = platform.security.tls.minVersion
  const cdn = edge.cdn?.enabled === true ? edge.cdn : null
  return {
    host: `${vertical.name}.${edge.domain}`,
    groupName: prefix,
    ingressClass: ALB_INGRESS_CLASS,
    certificateArn: edge.certificateArn,
    sslPolicy: ALB_SSL_POLICIES[minVersion],
    loadBalancerSubnetCidrs: [...edge.loadBalancerSubnetCidrs],
    regionalAclName: `${prefix}-web`,
    routes: edgeRoutes(vertical),
    cdn: cdn && {
      region: CLOUDFRONT_REGION,
      certificateArn: cdn.certificateArn,
      tlsPolicy: CLOUDFRONT_TLS_POLICIES[minVersion],
      viewerHeaders: viewerHeadersUsed(platform, vertical).map((key) => VIEWER_HEADERS[key]),
      behaviours: Object.entries(cdn.paths ?? {}).flatMap(([name, pathPatterns]) => {
        const c = platform.dataClasses[name]
        return c && c.cdnTtl > 0 && vertical.dataClasses.includes(name)
          ? [{ dataClass: name, ttl: c.cdnTtl, pathPatterns: [...pathPatterns] }]
          : []
      }),
    },
  }
}
