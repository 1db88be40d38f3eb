import type { ResolvedPlatform, ResolvedVertical } from '@verticals/config-schema'
import { AWS_API_PORT } from '../infrastructure/toolchain'
import { securityEnforcement } from './claims'
import { classesOf } from './facts'

/** The security measures the documents list, each value from `security`, `dataStores` or `cache`. */
export function securityView(platform: ResolvedPlatform, vertical: ResolvedVertical) {
  const { security, dataStores } = platform
  const classes = classesOf(platform, vertical)
  return {
    encryptionAtRest: security.encryptionAtRest,
    tlsMinVersion: security.tls.minVersion,
    redisEncryptionAtRest: dataStores.redis.encryptionAtRest,
    redisEncryptionInTransit: dataStores.redis.encryptionInTransit,
    allowCountries: [...security.waf.allowCountries],
    rateLimits: security.waf.rateLimits.map((r) => ({ ...r })),
    managedRules: [...security.waf.managedRules],
    hstsMaxAge: security.headers.hstsMaxAge,
    contentSecurityPolicy: security.headers.contentSecurityPolicy,
    frameOptions: security.headers.frameOptions,
    // With security.edge the ALB reaches pod IPs from its subnets; else an in-cluster ingress controller does.
    ingressFrom: security.edge
      ? `the load balancer's subnets ${security.edge.loadBalancerSubnetCidrs.join(', ')}`
      : `namespace ${security.network.ingressNamespace ?? ''}`,
    appPort: platform.compute.port,
    dataStorePorts: [security.network.postgresPort, security.network.redisPort],
    vpcCidrs: [...security.network.vpcCidrs],
    dnsPort: security.network.dnsPort,
    // Only a vertical that calls an AWS API itself (its bucket) may open HTTPS connections.
    awsApiPort: vertical.objectStorage ? AWS_API_PORT : null,
    postgresMultiAz: dataStores.postgres.multiAz,
    backupRetention: dataStores.postgres.backupRetention,
    redisFailover: dataStores.redis.automaticFailover,
    neverCached: classes.filter((c) => c.personal && c.cacheTtl === 0 && c.cdnTtl === 0).map((c) => c.name),
    redactedFields: [...new Set(classes.filter((c) => c.personal).flatMap((c) => c.fields))],
    breachDetection: platform.incidents.breachDetection,
    enforcedBy: securityEnforcement(platform, vertical),
  }
}
