import { err, type Rule, type RuleFinding } from './shared'

// CloudFront reads viewer certificates only from ACM in us-east-1.
const CLOUDFRONT_CERTIFICATE_REGION = 'us-east-1'

const regionOfArn = (arn: string): string => arn.split(':')[3] ?? ''

/** Where traffic reaches the pods from: the ALB of security.edge, or an in-cluster ingress controller, never both. */
const trafficSource: Rule = (config) => {
  const { edge, network } = config.security
  if (edge && network.ingressNamespace !== undefined)
    return [
      err(
        'EDGE',
        ['security', 'network', 'ingressNamespace'],
        'does nothing with security.edge: the ALB targets pod IPs from security.edge.loadBalancerSubnetCidrs, not from a namespace. Remove it',
      ),
    ]
  if (!edge && network.ingressNamespace === undefined)
    return [
      err(
        'EDGE',
        ['security', 'network'],
        'says nothing about where requests come from: add security.edge (an ALB per vertical) or security.network.ingressNamespace (an in-cluster ingress controller)',
      ),
    ]
  return []
}

/** Certificates live where the listener that serves them does. */
const certificates: Rule = (config, platform) => {
  const edge = config.security.edge
  if (!edge) return []
  const out: RuleFinding[] = []
  const primary = platform.primaryRegion.name
  if (regionOfArn(edge.certificateArn) !== primary)
    out.push(
      err(
        'EDGE',
        ['security', 'edge', 'certificateArn'],
        `the ALB serves certificates of its own region: request this one in ${primary} (the primary region), not ${regionOfArn(edge.certificateArn)}`,
      ),
    )
  if (edge.cdn && regionOfArn(edge.cdn.certificateArn) !== CLOUDFRONT_CERTIFICATE_REGION)
    out.push(
      err(
        'EDGE',
        ['security', 'edge', 'cdn', 'certificateArn'],
        `CloudFront reads certificates only from ACM in ${CLOUDFRONT_CERTIFICATE_REGION}: request this one there, not in ${regionOfArn(edge.cdn.certificateArn)}`,
      ),
    )
  return out
}

/** Personal data is never cached at the edge: a CDN TTL on a personal class is refused. */
const personalNotAtEdge: Rule = (_config, platform) =>
  Object.values(platform.dataClasses).flatMap((c) =>
    c.personal && !c.special && c.cdnTtl > 0
      ? [
          err(
            'PERSONAL_DATA_AT_EDGE',
            ['cache', 'cdnTtl', c.name],
            `"${c.name}" is personal data (${c.category}) and a CDN would serve one person's copy to another: remove its CDN TTL (hint: the origin answers it with Cache-Control: private, no-store; cache it in Redis with cache.ttl.${c.name} instead)`,
          ),
        ]
      : [],
  )

/** Viewer headers exist only behind CloudFront; a market without any rule can only be `unknown`. */
const recognition: Rule = (config) => {
  const cdn = config.security.edge?.cdn?.enabled === true
  return Object.entries(config.markets).flatMap(([name, market]) => {
    const r = market.recognize
    if (!r) return []
    return (['viewerRegions', 'viewerCities'] as const).flatMap((key) =>
      (r[key]?.length ?? 0) > 0 && !cdn
        ? [
            err(
              'EDGE',
              ['markets', name, 'recognize', key],
              `viewer ${key === 'viewerRegions' ? 'regions' : 'cities'} come from CloudFront's viewer headers, and security.edge.cdn is not enabled: enable it, or recognize the market by hosts or pathPrefixes`,
            ),
          ]
        : [],
    )
  })
}

/**
 * markets.*.edgeCache is a capacity figure (CloudFront has no per-market cache size): behind a CDN a
 * live market plans some, and without a CDN a figure above zero would promise an edge cache that is not there.
 */
const edgeCapacity: Rule = (config) => {
  const cdn = config.security.edge?.cdn?.enabled === true
  return Object.entries(config.markets).flatMap(([name, market]) => {
    if (cdn && market.status === 'live' && market.edgeCache === 0)
      return [
        err(
          'EDGE',
          ['markets', name, 'edgeCache'],
          'a live market behind the CDN plans its edge cache capacity: give it a size above 0',
        ),
      ]
    if (!cdn && market.edgeCache > 0)
      return [
        {
          ...err(
            'EDGE',
            ['markets', name, 'edgeCache'],
            'plans an edge cache, but security.edge.cdn is not enabled: no CDN holds it (set it to 0G or enable the CDN)',
          ),
          severity: 'warning' as const,
        },
      ]
    return []
  })
}

/** Each CDN TTL has paths that a cache behaviour serves it on, and each path list a class with a CDN TTL. */
const cacheBehaviours: Rule = (config, platform) => {
  const cdn = config.security.edge?.cdn?.enabled === true ? config.security.edge?.cdn : undefined
  const out: RuleFinding[] = []
  for (const [name, ttl] of Object.entries(config.cache.cdnTtl)) {
    // Personal classes are refused by personalNotAtEdge (and special ones by specialNeverCached).
    if (ttl === 0 || !platform.dataClasses[name] || platform.dataClasses[name]?.personal) continue
    if (!cdn)
      out.push({
        ...err(
          'EDGE',
          ['cache', 'cdnTtl', name],
          'no CDN serves this TTL: security.edge.cdn is not enabled (enable it, or remove the TTL)',
        ),
        severity: 'warning',
      })
    else if (!cdn.paths[name])
      out.push(
        err(
          'EDGE',
          ['cache', 'cdnTtl', name],
          `no cache behaviour serves this TTL: add the paths of "${name}" to security.edge.cdn.paths`,
        ),
      )
  }
  for (const name of Object.keys(cdn?.paths ?? {})) {
    const known = Object.keys(platform.dataClasses)
    if (!known.includes(name))
      out.push({
        ...err(
          'UNKNOWN_REFERENCE',
          ['security', 'edge', 'cdn', 'paths', name],
          `data class "${name}" is not declared`,
        ),
        at: 'key',
      })
    else if ((platform.dataClasses[name]?.cdnTtl ?? 0) === 0)
      out.push({
        ...err(
          'EDGE',
          ['security', 'edge', 'cdn', 'paths', name],
          `"${name}" has no CDN TTL, so these paths would be cached for nothing: give it cache.cdnTtl.${name} or remove them`,
        ),
        at: 'key',
      })
  }
  return out
}

/** The edge rules: one traffic source, certificates in the right region, no personal data at the edge. */
export const edge: Rule = (config, platform) => [
  ...trafficSource(config, platform),
  ...certificates(config, platform),
  ...personalNotAtEdge(config, platform),
  ...recognition(config, platform),
  ...edgeCapacity(config, platform),
  ...cacheBehaviours(config, platform),
]
