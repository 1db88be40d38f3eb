import type { ResolvedPlatform } from '@verticals/config-schema'
import { edgePlan } from '../infrastructure/edge'
import { runtimeConfigName } from '../infrastructure/kubernetes/runtime-config'
import { type Vertical, workloadsOf } from '../infrastructure/names'
import { storeTerraformFile } from '../infrastructure/shared-stores'

/** A generated resource that keeps a promise: its file (from the bundle's root) and its address in it. */
export interface Enforcement {
  readonly file: string
  /** `type.name` of a Terraform resource, `Kind/name` of a Kubernetes object, `table name` of a migration. */
  readonly address: string
}

/**
 * The claims contract of the security measures: for each measure the compliance papers may state, the
 * generated resources that enforce it. An empty list means nothing generated enforces it, and the
 * documents then do not state it (TLS, firewall and headers need `security.edge`; headers need its CDN).
 */
export function securityEnforcement(platform: ResolvedPlatform, vertical: Vertical) {
  const v = vertical.name
  const tf = (file: string, address: string): Enforcement => ({
    file: `${v}/infrastructure/terraform/${file}`,
    address,
  })
  const k8s = (file: string, address: string): Enforcement => ({
    file: `${v}/infrastructure/kubernetes/${file}`,
    address,
  })
  const sql = (file: string, table: string): Enforcement => ({
    file: `${v}/compliance/migrations/${file}`,
    address: `table ${table}`,
  })
  const edge = edgePlan(platform, vertical)
  const cdn = edge?.cdn != null
  const ingress = edge && edge.routes.length > 0 ? [k8s('ingress.yaml', `Ingress/${v}`)] : []
  const distribution = cdn ? [tf('edge.tf', 'aws_cloudfront_distribution.main')] : []
  // The rules of security.waf live where the viewer's address is known: the edge ACL behind CloudFront,
  // else the ALB's regional ACL, which only the Ingress attaches.
  const firewall = cdn
    ? [tf('edge.tf', 'aws_wafv2_web_acl.edge'), ...distribution]
    : ingress.length > 0
      ? [tf('waf.tf', 'aws_wafv2_web_acl.main'), ...ingress]
      : []
  const http = workloadsOf(vertical).filter((w) => w.kind === 'http')
  const runtime = k8s('runtime-config.yaml', `ConfigMap/${runtimeConfigName(vertical)}`)
  // The vertical's own stores, or the shared stores' module in the platform bundle (dataStores.shared).
  const database: Enforcement = {
    file: storeTerraformFile(platform, vertical, 'postgres'),
    address: 'aws_db_instance.primary',
  }
  const cache: Enforcement = {
    file: storeTerraformFile(platform, vertical, 'redis'),
    address: 'aws_elasticache_replication_group.cache',
  }
  return {
    encryptionAtRest: [database, cache],
    tls: [...ingress, ...distribution],
    redisEncryption: [cache],
    firewall,
    headers: cdn ? [tf('edge.tf', 'aws_cloudfront_response_headers_policy.main')] : [],
    networkIngress: http.map((w) => k8s('network-policies.yaml', `NetworkPolicy/${w.name}-allow-ingress`)),
    networkEgress: [k8s('network-policies.yaml', 'NetworkPolicy/allow-egress')],
    databaseAvailability: [database],
    cacheAvailability: [cache],
    // @verticals/core reads the TTLs (0: never written to Redis) and the redacted fields from this ConfigMap.
    neverCached: [runtime, ...(cdn ? [tf('edge.tf', 'aws_cloudfront_cache_policy.no_store')] : [])],
    redaction: [runtime],
    auditLog: [sql('002-audit.sql', 'audit_entries')],
    auditAnchors: [tf('audit-anchors.tf', 'aws_s3_bucket_object_lock_configuration.audit_anchors')],
    ledgers: [sql('006-integrity.sql', 'audit_entries')],
    retention: [sql('004-dsr-retention.sql', 'retention_runs')],
  }
}

/** The claims a document may make, by key. */
export type SecurityEnforcement = ReturnType<typeof securityEnforcement>
