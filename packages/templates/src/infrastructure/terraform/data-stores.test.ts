import { parse } from '@verticals/config-schema'
import { REDIS_MONITORING_USER, redisExporterAcl } from '@verticals/observability'
import { describe, expect, it } from 'vitest'
import { validateTerraform, validateTerraformModules } from '../../validate/terraform'
import { days, gibibytes } from '../quantity'
import { buildAll, examplePlatform, exampleSource } from '../testing'
import { type Block, one, moduleOf as parsedModule, postgresModules, redisModules, ref } from './testing'

const platform = examplePlatform()
const moduleOf = (vertical: string) => parsedModule(platform, vertical)

// Each store is created by one module: a vertical's own, or a shared store's (dataStores.shared).
describe.each(postgresModules(platform))(
  'the PostgreSQL of $label',
  ({ prefix, settings: postgres, module }) => {
    it('creates RDS PostgreSQL as configured, and a DR replica because the RPO asks for one', async () => {
      const m = await module()
      expect(one(m, 'aws_db_instance', 'primary')).toMatchObject({
        identifier: `${prefix}-postgres`,
        engine: 'postgres',
        engine_version: postgres.engineVersion,
        instance_class: postgres.instanceClass,
        allocated_storage: gibibytes(postgres.storage),
        multi_az: postgres.multiAz,
        storage_encrypted: true,
        iam_database_authentication_enabled: true,
        backup_retention_period: days(postgres.backupRetention),
        performance_insights_enabled: postgres.performanceInsights,
        deletion_protection: true,
        publicly_accessible: false,
        // maintenance.windows.database, Sunday 04:00-05:00 in Buenos Aires (UTC-3)
        maintenance_window: 'sun:07:00-sun:08:00',
      })
      const parameters = one(m, 'aws_db_parameter_group', 'primary').parameter as Block[]
      expect(parameters).toContainEqual(
        expect.objectContaining({ name: 'max_connections', value: String(postgres.maxConnections) }),
      )
      expect(parameters).toContainEqual(expect.objectContaining({ name: 'rds.force_ssl', value: '1' }))
      expect(platform.disasterRecovery.rpo.database).toBeLessThan(86_400)
      expect(one(m, 'aws_db_instance', 'dr_replica')).toMatchObject({
        provider: ref('aws.dr'),
        replicate_source_db: ref('aws_db_instance.primary.arn'),
        storage_encrypted: true,
        kms_key_id: ref('aws_kms_key.dr_database.arn'),
      })
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'replica_lag')).toMatchObject({
        threshold: platform.dataResidency.replicationLag,
      })
    })
  },
)

describe.each(redisModules(platform))('the Redis of $label', ({ prefix, settings: redis, module }) => {
  it('creates an encrypted ElastiCache replication group with automatic failover and AUTH over TLS', async () => {
    const m = await module()
    expect(one(m, 'aws_elasticache_replication_group', 'cache')).toMatchObject({
      replication_group_id: `${prefix}-redis`,
      node_type: redis.nodeType,
      num_cache_clusters: redis.nodes,
      automatic_failover_enabled: redis.automaticFailover,
      at_rest_encryption_enabled: redis.encryptionAtRest,
      transit_encryption_enabled: redis.encryptionInTransit,
      // RBAC: the services' `default` user keeps the AUTH token; the exporter has a user of its own.
      user_group_ids: [ref('aws_elasticache_user_group.cache.id')],
      port: platform.security.network.redisPort,
      maintenance_window: 'sun:07:00-sun:08:00',
    })
    expect(one(m, 'aws_elasticache_user', 'default')).toMatchObject({
      user_name: 'default',
      authentication_mode: [{ type: 'password', passwords: [ref('local.credentials.cache_auth_token')] }],
    })
    expect(one(m, 'aws_elasticache_user', 'monitoring')).toMatchObject({
      user_name: REDIS_MONITORING_USER,
      access_string: redisExporterAcl(),
      authentication_mode: [{ type: 'password', passwords: [ref('local.cache_monitoring_password')] }],
    })
    const parameters = one(m, 'aws_elasticache_parameter_group', 'cache').parameter as Block[]
    expect(parameters).toEqual([{ name: 'maxmemory-policy', value: redis.evictionPolicy }])
  })
})

describe.each(Object.keys(platform.verticals))('the %s buckets and providers', (name) => {
  const vertical = platform.verticals[name]!
  const prefix = `${platform.metadata.name}-${name}`
  const { postgres } = platform.dataStores

  it("has the primary provider, the DR region as the aws.dr alias and CloudFront's region as aws.edge", async () => {
    const m = await moduleOf(name)
    expect(m.provider.aws).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ region: platform.primaryRegion.name }),
        expect.objectContaining({ alias: 'dr', region: platform.drRegion?.name }),
        expect.objectContaining({ alias: 'edge', region: 'us-east-1' }),
      ]),
    )
    expect(m.provider.aws).toHaveLength(3)
  })

  it('anchors the audit chains in a bucket locked in compliance mode for audit.anchor.retention', async () => {
    const m = await moduleOf(name)
    expect(one(m, 'aws_s3_bucket', 'audit_anchors')).toMatchObject({
      bucket: `${prefix}-audit-anchors`,
      object_lock_enabled: true,
      force_destroy: false,
    })
    const lock = one(m, 'aws_s3_bucket_object_lock_configuration', 'audit_anchors').rule as Block[]
    expect(lock[0]?.default_retention).toEqual([
      { mode: 'COMPLIANCE', days: days(platform.audit.anchor.retention) },
    ])
    expect(one(m, 'aws_s3_bucket_versioning', 'audit_anchors').versioning_configuration).toEqual([
      { status: 'Enabled' },
    ])
    expect(one(m, 'aws_s3_bucket_public_access_block', 'audit_anchors')).toMatchObject({
      block_public_acls: true,
      restrict_public_buckets: true,
    })
  })

  it('has a private, versioned, encrypted bucket only when the vertical keeps objects', async () => {
    const m = await moduleOf(name)
    if (!vertical.objectStorage) {
      // Only the audit anchors' bucket.
      expect(Object.keys(m.resource.aws_s3_bucket ?? {})).toEqual(['audit_anchors'])
      return
    }
    expect(one(m, 'aws_s3_bucket', 'objects')).toMatchObject({ bucket: `${prefix}-objects` })
    expect(one(m, 'aws_s3_bucket_versioning', 'objects').versioning_configuration).toEqual([
      { status: 'Enabled' },
    ])
    expect(one(m, 'aws_s3_bucket_public_access_block', 'objects')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    })
    const sse = one(m, 'aws_s3_bucket_server_side_encryption_configuration', 'objects').rule as Block[]
    expect(sse[0]?.apply_server_side_encryption_by_default).toEqual([
      { sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.objects.arn') },
    ])
    const rules = one(m, 'aws_s3_bucket_lifecycle_configuration', 'objects').rule as Block[]
    expect(rules).toContainEqual(
      expect.objectContaining({
        noncurrent_version_expiration: [{ noncurrent_days: days(postgres.backupRetention) }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: days(platform.dsr.deadlines.erasure) }],
      }),
    )
    // Replicated, deletions included, to an encrypted bucket in the DR region under the same lifecycle.
    const replication = one(m, 'aws_s3_bucket_replication_configuration', 'objects').rule as Block[]
    expect(replication[0]).toMatchObject({
      status: 'Enabled',
      delete_marker_replication: [{ status: 'Enabled' }],
    })
    expect(one(m, 'aws_s3_bucket', 'dr_objects')).toMatchObject({
      provider: ref('aws.dr'),
      bucket: `${prefix}-objects-${platform.drRegion?.name}`,
    })
    expect(one(m, 'aws_s3_bucket_lifecycle_configuration', 'dr_objects').rule).toEqual(rules)
    expect(one(m, 'aws_cloudwatch_metric_alarm', 'objects_replication_latency')).toMatchObject({
      metric_name: 'ReplicationLatency',
      threshold: platform.disasterRecovery.rpo.fileStorage,
    })
  })
})

describe('a cluster-mode cache (dataStores.redis.cluster)', () => {
  // The default Redis, which each vertical with a cache of its own creates (barber's, once dedicated).
  const text = exampleSource()
    .text.replace('    nodes: 2\n', '    nodes: 8\n    cluster: { shards: 4, replicasPerShard: 1 }\n')
    .replace(
      'dataStores: { postgres: marketplace, redis: marketplace } # contact data and bookings only',
      'dataStores: { postgres: marketplace, redis: dedicated }',
    )
  const result = parse(text, 'platform.yaml')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  const clustered = result.platform
  const artifacts = buildAll(clustered, undefined, { file: 'platform.yaml', text }).filter(
    (a) => a.kind === 'terraform' && a.vertical === 'barber',
  )

  it('creates a cluster-mode-enabled group of 4 shards of a primary and a replica, with its alarms per member', async () => {
    const m = await parsedModule(clustered, 'barber')
    const group = one(m, 'aws_elasticache_replication_group', 'cache')
    expect(group).toMatchObject({
      cluster_mode: 'enabled',
      num_node_groups: 4,
      replicas_per_node_group: 1,
      automatic_failover_enabled: true,
    })
    expect(group).not.toHaveProperty('num_cache_clusters')
    const parameters = one(m, 'aws_elasticache_parameter_group', 'cache').parameter as Block[]
    expect(parameters).toContainEqual({ name: 'cluster-enabled', value: 'yes' })
    const alarms = artifacts.find((a) => a.path.endsWith('/alarms.tf'))?.content ?? ''
    expect(alarms).toContain('"turnos-barber-redis-0001-001", "turnos-barber-redis-0001-002"')
    expect(alarms).toContain('"turnos-barber-redis-0004-002"')
  })

  it('outputs the configuration endpoint, and passes the AWS provider-schema check', async () => {
    const outputs = artifacts.find((a) => a.path.endsWith('/outputs.tf'))?.content ?? ''
    expect(outputs).toContain('configuration_endpoint_address')
    expect(outputs).not.toContain('primary_endpoint_address')
    // The service's URL names the configuration endpoint too: a cluster-mode group has no primary one.
    const secrets = artifacts.find((a) => a.path.endsWith('/secrets.tf'))?.content ?? ''
    expect(secrets).toContain(
      `@${ref('aws_elasticache_replication_group.cache.configuration_endpoint_address')}:`,
    )
    expect(secrets).not.toContain('primary_endpoint_address')
    for (const artifact of artifacts) expect(await validateTerraform(artifact), artifact.path).toEqual([])
    expect(await validateTerraformModules(artifacts)).toEqual([])
  })
})
