import { parse, postgresOf, redisOf, sharedStores, tenancyOf } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { builtinPriceTable, estimatePlatform } from '../../cost/index'
import { renderPlatform } from '../../render'
import { validateTerraform, validateTerraformModules } from '../../validate/terraform'
import { findDoc, kubernetesDocs } from '../kubernetes/testing'
import { sharedStoreDir } from '../shared-stores'
import { type Module, moduleOf, one, oneData, ref, sharedModuleOf } from '../terraform/testing'
import { buildAll, examplePlatform, exampleSource } from '../testing'

// A shared store (dataStores.shared) is created once, by its own module in the platform bundle; its
// members read it by name and create no store of that kind. The example is mixed: barber and beauty
// share the marketplace PostgreSQL, those two and fitness its Redis; psychology keeps both its own and
// fitness its own PostgreSQL.

const platform = examplePlatform()
const names = Object.keys(platform.verticals)
const shared = (await sharedModuleOf(platform, 'marketplace')) as Module
const modules = Object.fromEntries(
  await Promise.all(names.map(async (n) => [n, await moduleOf(platform, n)])),
)
const fileOf = (path: string) => buildAll(platform).find((a) => a.path === path)?.content ?? ''

describe('the example is mixed', () => {
  it('has dedicated and shared stores of both kinds', () => {
    expect(names.map((n) => [n, postgresOf(platform, n).shared, redisOf(platform, n).shared])).toEqual([
      ['barber', 'marketplace', 'marketplace'],
      ['psychology', null, null],
      ['beauty', 'marketplace', 'marketplace'],
      ['fitness', null, 'marketplace'],
    ])
  })
})

describe.each(names)('the %s module', (name) => {
  const m = () => modules[name] as Module
  const pg = postgresOf(platform, name)
  const redis = redisOf(platform, name)

  it('creates a PostgreSQL and its alarms only for a store of its own', () => {
    const own = pg.shared === null
    expect(m().resource.aws_db_instance !== undefined).toBe(own)
    expect(m().resource.aws_db_parameter_group !== undefined).toBe(own)
    expect(m().resource.aws_cloudwatch_metric_alarm?.database_cpu !== undefined).toBe(own)
    expect(m().resource.aws_cloudwatch_metric_alarm?.replica_lag !== undefined).toBe(own)
    expect(m().variable.database_username !== undefined).toBe(own)
  })

  it('creates a Redis and its alarms only for a store of its own', () => {
    const own = redis.shared === null
    expect(m().resource.aws_elasticache_replication_group !== undefined).toBe(own)
    expect(m().resource.aws_cloudwatch_metric_alarm?.cache_cpu !== undefined).toBe(own)
    expect(m().variable.cache_subnet_ids !== undefined).toBe(own)
    // A shared Redis's AUTH token is the store's: the vertical does not generate one.
    expect(m().data.aws_secretsmanager_random_password?.cache !== undefined).toBe(own)
  })

  it("reads the shared stores it is a member of by the names the store's module gives them", () => {
    const data = m().data
    if (pg.shared === null) expect(data.aws_db_instance).toBeUndefined()
    else
      expect(oneData(m(), 'aws_db_instance', 'shared_postgres').db_instance_identifier).toBe(
        one(shared, 'aws_db_instance', 'primary').identifier,
      )
    if (redis.shared === null) {
      expect(data.aws_elasticache_replication_group).toBeUndefined()
      expect(data.aws_secretsmanager_secret_version).toBeUndefined()
    } else {
      expect(oneData(m(), 'aws_elasticache_replication_group', 'shared_cache').replication_group_id).toBe(
        one(shared, 'aws_elasticache_replication_group', 'cache').replication_group_id,
      )
      expect(oneData(m(), 'aws_secretsmanager_secret_version', 'shared_cache_auth').secret_id).toBe(
        one(shared, 'aws_secretsmanager_secret', 'cache_auth').name,
      )
    }
  })

  it('gives the service the shared endpoints, as its own login on a shared PostgreSQL', () => {
    const secrets = fileOf(`${name}/infrastructure/terraform/secrets.tf`)
    const runtime = secrets.slice(secrets.indexOf('resource "aws_secretsmanager_secret_version" "runtime"'))
    if (pg.shared === null) expect(runtime).toContain(`@${ref('aws_db_instance.primary.address')}`)
    else {
      expect(runtime).toContain(
        `postgresql://${ref('local.shared_postgres_login')}:${ref('local.credentials.database_password')}@${ref('data.aws_db_instance.shared_postgres.address')}`,
      )
      expect(m().locals).toContainEqual({ shared_postgres_login: tenancyOf(platform, name).roles.owner })
    }
    if (redis.shared === null)
      expect(runtime).toContain(ref('aws_elasticache_replication_group.cache.primary_endpoint_address'))
    else
      expect(runtime).toContain(
        `rediss://:${ref('local.shared_cache_auth_token')}@${ref('local.shared_cache_endpoint')}:${ref('data.aws_elasticache_replication_group.shared_cache.port')}`,
      )
  })

  it('lets its pods reach the data stores, shared or not, only in the VPC and on their ports', () => {
    const egress = findDoc(kubernetesDocs(platform, name), 'NetworkPolicy', 'allow-egress').spec?.egress
    const { network } = platform.security
    expect(egress).toContainEqual({
      to: network.vpcCidrs.map((cidr) => ({ ipBlock: { cidr } })),
      ports: [
        { protocol: 'TCP', port: network.postgresPort },
        { protocol: 'TCP', port: network.redisPort },
      ],
    })
  })
})

describe('the shared store marketplace, created once', () => {
  const store = sharedStores(platform).find((s) => s.name === 'marketplace')!
  const pgMembers = store.postgres?.members ?? []
  const redisMembers = store.redis?.members ?? []

  it('is created by its own module under platform/infrastructure/shared/marketplace, sized by its entry', () => {
    expect(sharedStoreDir('marketplace')).toBe('platform/infrastructure/shared/marketplace')
    expect(one(shared, 'aws_db_instance', 'primary')).toMatchObject({
      identifier: 'turnos-shared-marketplace-postgres',
      instance_class: 'db.r6g.xlarge',
      allocated_storage: 500,
      max_allocated_storage: 1000,
      password_wo: ref('local.credentials.database_password'),
      vpc_security_group_ids: [ref('aws_security_group.database.id')],
    })
    expect(one(shared, 'aws_elasticache_replication_group', 'cache')).toMatchObject({
      replication_group_id: 'turnos-shared-marketplace-redis',
      node_type: 'cache.r6g.large',
      num_cache_clusters: 3,
      security_group_ids: [ref('aws_security_group.cache.id')],
    })
    expect(shared.provider.aws?.[0]?.default_tags).toEqual([
      {
        tags: {
          'verticals:platform': 'turnos',
          'verticals:shared-store': 'marketplace',
          'managed-by': 'verticals',
          'platform-version': platform.metadata.version,
        },
      },
    ])
  })

  it('lets exactly the workloads of its members in, each on the port of the stores it uses', () => {
    expect(pgMembers).toEqual(['barber', 'beauty'])
    expect(redisMembers).toEqual(['barber', 'beauty', 'fitness'])
    expect(one(shared, 'aws_vpc_security_group_ingress_rule', 'database')).toMatchObject({
      for_each: ref('toset(["barber", "beauty"])'),
      referenced_security_group_id: ref('var.member_security_group_ids[each.value]'),
      from_port: platform.security.network.postgresPort,
      to_port: platform.security.network.postgresPort,
    })
    expect(one(shared, 'aws_vpc_security_group_ingress_rule', 'cache')).toMatchObject({
      for_each: ref('toset(["barber", "beauty", "fitness"])'),
      from_port: platform.security.network.redisPort,
    })
  })

  it('has the alarms of both stores, once for all members', () => {
    const alarms = Object.keys(shared.resource.aws_cloudwatch_metric_alarm ?? {}).sort()
    expect(alarms).toEqual([
      'cache_cpu',
      'cache_hit_rate',
      'cache_memory',
      'database_connections',
      'database_cpu',
      'database_free_storage',
      'database_freeable_memory',
      'replica_lag',
    ])
    const text = fileOf('platform/infrastructure/shared/marketplace/alarms.tf')
    expect(text).toContain(
      '"turnos-shared-marketplace-redis-001", "turnos-shared-marketplace-redis-002", "turnos-shared-marketplace-redis-003"',
    )
  })

  it('keeps the master password to itself and gives members only the AUTH token secret', () => {
    expect(one(shared, 'aws_secretsmanager_secret', 'credentials').name).toBe(
      'turnos-shared-marketplace/credentials',
    )
    expect(one(shared, 'aws_secretsmanager_secret', 'cache_auth').name).toBe(
      'turnos-shared-marketplace/cache-auth',
    )
    const secrets = fileOf('platform/infrastructure/shared/marketplace/secrets.tf')
    const copy = secrets.slice(secrets.indexOf('resource "aws_secretsmanager_secret_version" "cache_auth"'))
    expect(copy).toContain('cache_auth_token    = local.credentials.cache_auth_token')
    expect(copy).toContain('monitoring_password = local.cache_monitoring_password')
    expect(copy).not.toContain('database_password')
    for (const name of names)
      expect(fileOf(`${name}/infrastructure/terraform/shared-stores.tf`)).not.toContain('/credentials')
  })

  it("creates each PostgreSQL member's login, named as its runtime URL names it", () => {
    const sql = fileOf('platform/infrastructure/shared/marketplace/members.sql')
    expect(sql.startsWith('-- generated by verticals, do not edit')).toBe(true)
    for (const member of pgMembers) {
      const { owner, app } = tenancyOf(platform, member).roles
      expect(sql).toContain(`ALTER ROLE "${owner}" WITH LOGIN PASSWORD :'${member}_password';`)
      expect(sql).toContain(`SELECT format('CREATE ROLE %I', '${app}')`)
      // Its exporter's login, one per member, pg_monitor only, with the member's monitoring password.
      const monitor = `verticals_monitor_${member}`
      expect(sql).toContain(
        `ALTER ROLE "${monitor}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'${member}_monitoring_password';`,
      )
      expect(sql).toContain(`GRANT pg_monitor TO "${monitor}";`)
      expect(fileOf(`${member}/infrastructure/terraform/secrets.tf`)).toContain(`"${monitor}"`)
    }
    // Only PostgreSQL members get a login; fitness keeps its own database.
    expect(sql).not.toContain('fitness')
  })
})

describe('the Terraform creates what verticals cost prices', () => {
  it('one database per PostgreSQL store and one group per Redis store, of the priced classes', () => {
    const all = [...Object.values(modules), shared] as Module[]
    const instances = all.flatMap((m) => Object.values(m.resource.aws_db_instance ?? {}).flat())
    const primaries = instances.filter((i) => i.replicate_source_db === undefined)
    const groups = all.flatMap((m) =>
      Object.values(m.resource.aws_elasticache_replication_group ?? {}).flat(),
    )
    const cost = estimatePlatform(platform, builtinPriceTable())
    const lines = cost.verticals.flatMap((v) => v.lines)
    expect(primaries.map((i) => i.instance_class).sort()).toEqual([
      'db.r6g.large',
      'db.r6g.large',
      'db.r6g.xlarge',
    ])
    expect(groups.map((g) => `${g.node_type} × ${g.num_cache_clusters}`).sort()).toEqual([
      'cache.r6g.large × 3',
      'cache.t4g.medium × 2',
    ])
    // Each store is priced once: by its one vertical, or in 1/n parts by its n members.
    const stores = (resource: RegExp) => {
      let sum = 0
      for (const l of lines.filter((l) => resource.test(l.resource))) {
        const part = /\[shared [^:]+: 1\/(\d+)\]/.exec(l.resource)
        sum += part ? 1 / Number(part[1]) : 1
      }
      return Math.round(sum * 1000) / 1000
    }
    expect(stores(/^RDS PostgreSQL db\./)).toBe(primaries.length)
    expect(stores(/^ElastiCache /)).toBe(groups.length)
  })

  it('as many CloudWatch alarms, KMS keys and secrets, in the regions the Terraform puts them', () => {
    const all = [...Object.values(modules), shared] as Module[]
    // A resource with a provider alias lives in the DR region; a cache alarm exists once per node.
    const region = (r: { provider?: string }) =>
      r.provider === undefined ? platform.primaryRegion.name : (platform.drRegion?.name as string)
    const created = (type: string) => {
      const count: Record<string, number> = {}
      for (const m of all) {
        const group = Object.values(m.resource.aws_elasticache_replication_group ?? {}).flat()[0]
        for (const r of Object.values(m.resource[type] ?? {}).flat()) {
          const copies = r.for_each === undefined ? 1 : Number(group?.num_cache_clusters)
          count[region(r)] = (count[region(r)] ?? 0) + copies
        }
      }
      return count
    }
    const priced = (item: string) => {
      const count: Record<string, number> = {}
      for (const l of estimatePlatform(platform, builtinPriceTable()).verticals.flatMap((v) => v.lines)) {
        // A shared store's member lines carry their part of the quantity already.
        if (l.item === item) count[l.region] = (count[l.region] ?? 0) + l.quantity
      }
      // Members' parts are rounded to thousandths: a third of a key adds up to 0.999.
      return Object.fromEntries(Object.entries(count).map(([r, n]) => [r, Math.round(n * 100) / 100]))
    }
    expect(priced('cloudwatch:alarm')).toEqual(created('aws_cloudwatch_metric_alarm'))
    expect(priced('kms:key')).toEqual(created('aws_kms_key'))
    expect(priced('secretsmanager:secret')).toEqual(created('aws_secretsmanager_secret'))
  })
})

describe('renderPlatform', () => {
  it('adds the shared store module beside the Alertmanager config', () => {
    const paths = renderPlatform(platform).map((a) => a.path)
    expect(paths).toContain('platform/monitoring/alertmanager/alertmanager.yaml')
    expect(paths.filter((p) => p.startsWith('platform/infrastructure/shared/'))).toEqual(
      [
        'alarms.tf',
        'cache-users.tf',
        'cache.tf',
        'database.tf',
        'members.sql',
        'notifications.tf',
        'outputs.tf',
        'providers.tf',
        'secrets.tf',
        'security-groups.tf',
        'variables.tf',
        'versions.tf',
      ].map((f) => `platform/infrastructure/shared/marketplace/${f}`),
    )
  })

  it('creates no shared module when every vertical keeps its own stores', () => {
    const text = exampleSource().text.replaceAll(
      /dataStores: \{ postgres: [a-z]+, redis: [a-z]+ \}/g,
      'dataStores: {}',
    )
    const result = parse(text, 'platform.yaml')
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    const paths = renderPlatform(result.platform).map((a) => a.path)
    expect(paths.filter((p) => !p.startsWith('platform/infrastructure/erasure-relay/'))).toEqual([
      'platform/monitoring/alertmanager/alertmanager.yaml',
    ])
  })
})

describe('a shared store of one kind, its Redis in cluster mode', () => {
  // Every vertical keeps its own PostgreSQL; barber and beauty share a clustered Redis.
  const text = exampleSource()
    .text.replace(
      'dataStores: { postgres: marketplace, redis: marketplace } # contact data and bookings only',
      'dataStores: { postgres: dedicated, redis: marketplace }',
    )
    .replace(
      "      postgres:\n        instanceClass: db.r6g.xlarge # two verticals' load: twice the default class\n        storage: 500Gi\n        maxStorage: 1000Gi\n",
      '',
    )
    .replace(
      '    dataStores: { postgres: marketplace, redis: marketplace }\n',
      '    dataStores: { postgres: dedicated, redis: marketplace }\n',
    )
    .replace(
      '        nodes: 3 # a primary and two replicas: failover and read capacity\n',
      '        nodes: 4\n        cluster: { shards: 2, replicasPerShard: 1 }\n',
    )
  const result = parse(text, 'platform.yaml')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  const variant = result.platform
  const artifacts = buildAll(variant, undefined, { file: 'platform.yaml', text })
  const dir = `${sharedStoreDir('marketplace')}/`

  it('has a module with the cache only, and no members.sql', () => {
    expect(postgresOf(variant, 'barber').shared).toBeNull()
    expect(
      artifacts
        .filter((a) => a.path.startsWith(dir))
        .map((a) => a.path.slice(dir.length))
        .sort(),
    ).toEqual([
      'alarms.tf',
      'cache-users.tf',
      'cache.tf',
      'notifications.tf',
      'outputs.tf',
      'providers.tf',
      'secrets.tf',
      'security-groups.tf',
      'variables.tf',
      'versions.tf',
    ])
  })

  it('reaches the cluster through its configuration endpoint, and every module passes the provider-schema check', async () => {
    const shared = await sharedModuleOf(variant, 'marketplace')
    expect(one(shared, 'aws_elasticache_replication_group', 'cache')).toMatchObject({
      cluster_mode: 'enabled',
      num_node_groups: 2,
      replicas_per_node_group: 1,
    })
    const barber = await moduleOf(variant, 'barber')
    expect(barber.locals).toContainEqual({
      shared_cache_auth_token: ref(
        'jsondecode(data.aws_secretsmanager_secret_version.shared_cache_auth.secret_string).cache_auth_token',
      ),
      shared_cache_monitoring_password: ref(
        'jsondecode(data.aws_secretsmanager_secret_version.shared_cache_auth.secret_string).monitoring_password',
      ),
      shared_cache_endpoint: ref(
        'data.aws_elasticache_replication_group.shared_cache.configuration_endpoint_address',
      ),
    })
    const terraform = artifacts.filter((a) => a.kind === 'terraform')
    for (const artifact of terraform) expect(await validateTerraform(artifact), artifact.path).toEqual([])
    expect(await validateTerraformModules(terraform)).toEqual([])
  })
})
