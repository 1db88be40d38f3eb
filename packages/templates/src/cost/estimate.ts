import {
  type PostgresSettings,
  postgresOf,
  type RedisSettings,
  type ResolvedPlatform,
  redisOf,
  type StorePlacement,
  sharedStores,
} from '@verticals/config-schema'
import type { Vertical } from '../infrastructure/names'
import { gibibytes } from '../infrastructure/quantity'
import { alarmsView } from '../infrastructure/terraform/alarms'
import { needsCrossRegionReplica } from '../infrastructure/terraform/database'
import { storageView } from '../infrastructure/terraform/storage'
import { type PriceTable, priceOf } from './prices'
import { averageReplicas } from './replicas'

/** One priced resource of a vertical: what it is, how much of it, at what price, and the config behind it. */
export interface CostLine {
  readonly vertical: string
  readonly region: string
  /** What the bundle creates, e.g. `RDS PostgreSQL db.r6g.2xlarge (Multi-AZ)`. */
  readonly resource: string
  /** Key of the price in the table, e.g. `rds:db.r6g.2xlarge`. */
  readonly item: string
  /** Units a month (instance-hours, GB-months, keys...). */
  readonly quantity: number
  readonly unit: string
  /** USD per unit. */
  readonly unitPrice: number
  /** USD a month: quantity × unitPrice, in cents. */
  readonly monthly: number
  /** The config field that decides this line (for budget messages with file:line:col). */
  readonly configPath: readonly (string | number)[]
}

/** The monthly estimate of one vertical. */
export interface VerticalCost {
  readonly vertical: string
  readonly lines: readonly CostLine[]
  /** Resources the table has no price for (only with `missing: 'skip'`): left out of the total. */
  readonly unpriced: readonly { region: string; resource: string; item: string }[]
  /** USD a month, the sum of the lines. */
  readonly total: number
}

const cents = (usd: number) => Math.round(usd * 100) / 100

/** A resource of a data store before it is allocated to a vertical. */
interface Priced {
  region: string
  resource: string
  item: string
  quantity: number
  configPath: (string | number)[]
}

/** Where a store's sizing is written: the shared store's entry when it sets the field, else the default. */
function sizingPath(
  platform: ResolvedPlatform,
  kind: 'postgres' | 'redis',
  shared: string | null,
  field: string,
) {
  const own = shared === null ? undefined : platform.dataStores.shared[shared]?.[kind]
  return own !== undefined && field in own
    ? ['dataStores', 'shared', shared as string, kind, field]
    : ['dataStores', kind, field]
}

/** Everything one PostgreSQL store costs: instance, storage, DR replica and transfer, its KMS keys, secret and alarms. */
function postgresItems(
  platform: ResolvedPlatform,
  placement: StorePlacement<PostgresSettings>,
  table: PriceTable,
): Priced[] {
  const pg = placement.settings
  const primary = platform.primaryRegion.name
  const hours = table.hoursPerMonth
  const az = (multi: boolean) => (multi ? 2 : 1)
  const multi = (m: boolean) => (m ? ' (Multi-AZ)' : '')
  const storageGib = gibibytes(pg.storage)
  const gb = (storageGib * 1024 ** 3) / 1e9
  const at = (field: string) => sizingPath(platform, 'postgres', placement.shared, field)
  const out: Priced[] = [
    {
      region: primary,
      resource: `RDS PostgreSQL ${pg.instanceClass}${multi(pg.multiAz)}`,
      item: `rds:${pg.instanceClass}`,
      quantity: hours * az(pg.multiAz),
      configPath: at('instanceClass'),
    },
    {
      region: primary,
      resource: `RDS gp3 storage ${storageGib} GiB${multi(pg.multiAz)}`,
      item: 'rds-storage:gp3',
      quantity: gb * az(pg.multiAz),
      configPath: at('storage'),
    },
  ]
  const dr = needsCrossRegionReplica(platform) ? platform.drRegion : null
  if (dr) {
    const path = ['disasterRecovery', 'rpo', 'database']
    out.push(
      {
        region: dr.name,
        resource: `RDS PostgreSQL DR replica ${pg.instanceClass}${multi(dr.multiAz)}`,
        item: `rds:${pg.instanceClass}`,
        quantity: hours * az(dr.multiAz),
        configPath: path,
      },
      {
        region: dr.name,
        resource: `RDS gp3 storage of the DR replica${multi(dr.multiAz)}`,
        item: 'rds-storage:gp3',
        quantity: gb * az(dr.multiAz),
        configPath: path,
      },
      {
        region: primary,
        resource: `replication transfer to ${dr.name}`,
        item: 'transfer:inter-region',
        quantity: gb * table.assumptions.replicatedGbPerStorageGbMonth,
        configPath: path,
      },
    )
  }
  out.push(
    {
      region: primary,
      resource: 'KMS key (database)',
      item: 'kms:key',
      quantity: 1,
      configPath: ['security', 'encryptionAtRest'],
    },
    {
      region: primary,
      resource: 'CloudWatch alarms (database)',
      item: 'cloudwatch:alarm',
      quantity: alarmsOf(platform, 'database'),
      configPath: ['alerts'],
    },
  )
  // The replica's key and its lag alarm live where it does (database.tf, alarms.tf: provider aws.dr).
  if (dr)
    out.push(
      {
        region: dr.name,
        resource: 'KMS key (DR replica)',
        item: 'kms:key',
        quantity: 1,
        configPath: ['security', 'encryptionAtRest'],
      },
      {
        region: dr.name,
        resource: 'CloudWatch alarm (DR replica lag)',
        item: 'cloudwatch:alarm',
        quantity: alarmsOf(platform, 'replica'),
        configPath: ['alerts'],
      },
    )
  return out
}

/**
 * What every Terraform module of the bundle has besides its stores: the KMS key of its secrets
 * (secrets.tf), the KMS key of its alarm topic in each region (notifications.tf), and its secrets.
 * A vertical's module keeps `credentials` (its database login), `runtime` and
 * `monitoring_credentials`; a shared store's module its master `credentials` and, with a Redis, the
 * members' `cache_auth`.
 */
function moduleItems(platform: ResolvedPlatform, secrets: { count: number; what: string }): Priced[] {
  const primary = platform.primaryRegion.name
  const dr = platform.drRegion
  return [
    {
      region: primary,
      resource: 'KMS key (secrets)',
      item: 'kms:key',
      quantity: 1,
      configPath: ['security', 'encryptionAtRest'],
    },
    {
      region: primary,
      resource: 'KMS key (alarm notifications)',
      item: 'kms:key',
      quantity: 1,
      configPath: ['alerts'],
    },
    ...(dr
      ? [
          {
            region: dr.name,
            resource: 'KMS key (alarm notifications)',
            item: 'kms:key',
            quantity: 1,
            configPath: ['alerts'],
          },
        ]
      : []),
    {
      region: primary,
      resource: `Secrets Manager secrets (${secrets.what})`,
      item: 'secretsmanager:secret',
      quantity: secrets.count,
      configPath: ['security'],
    },
  ]
}

/** How many alarms alarms.tf makes of a kind: one per `database…` alarm, one per node per `cache…` alarm. */
function alarmsOf(platform: ResolvedPlatform, kind: 'database' | 'replica' | 'cache'): number {
  return Object.keys(alarmsView(platform)).filter((name) => name.startsWith(kind)).length
}

/** Everything one Redis store costs: its nodes, KMS key and alarms (each cache alarm once per node). */
function redisItems(
  platform: ResolvedPlatform,
  placement: StorePlacement<RedisSettings>,
  hours: number,
): Priced[] {
  const redis = placement.settings
  const primary = platform.primaryRegion.name
  const nodes = redis.cluster ? redis.cluster.shards * (1 + redis.cluster.replicasPerShard) : redis.nodes
  return [
    {
      region: primary,
      resource: `ElastiCache ${redis.nodeType} × ${nodes} nodes`,
      item: `elasticache:${redis.nodeType}`,
      quantity: hours * nodes,
      configPath: sizingPath(platform, 'redis', placement.shared, redis.cluster ? 'cluster' : 'nodes'),
    },
    {
      region: primary,
      resource: 'KMS key (cache)',
      item: 'kms:key',
      quantity: 1,
      configPath: ['security', 'encryptionAtRest'],
    },
    {
      region: primary,
      resource: 'CloudWatch alarms (cache)',
      item: 'cloudwatch:alarm',
      quantity: alarmsOf(platform, 'cache') * nodes,
      configPath: ['alerts'],
    },
  ]
}

/**
 * The monthly cost of everything a vertical's bundle creates, priced from `table`: the database
 * (Multi-AZ doubles instance and storage), its DR replica and the replication transfer, the cache
 * nodes, the workloads' requested CPU and memory over their scheduled replicas, the WAF, KMS keys,
 * the database's managed secret and the CloudWatch alarms. Usage-based charges the config cannot
 * size (requests, traffic to users) are left out, as the table's assumptions say. A shared store
 * (dataStores.shared) is priced once and each of its n enabled members bears 1/n of every line of
 * it, so the members' parts add up to the store and the platform total counts it once.
 */
export function estimateVertical(
  platform: ResolvedPlatform,
  vertical: Vertical,
  table: PriceTable,
  options: { missing?: 'throw' | 'skip' } = {},
): VerticalCost {
  const lines: CostLine[] = []
  const unpriced: { region: string; resource: string; item: string }[] = []
  const hours = table.hoursPerMonth
  const add = (
    region: string,
    resource: string,
    item: string,
    quantity: number,
    configPath: (string | number)[],
  ) => {
    if (options.missing === 'skip' && table.regions[region]?.[item] === undefined) {
      unpriced.push({ region, resource, item })
      return
    }
    const price = priceOf(table, region, item)
    lines.push({
      vertical: vertical.name,
      region,
      resource,
      item,
      quantity: Math.round(quantity * 1000) / 1000,
      unit: price.unit,
      unitPrice: price.usd,
      monthly: cents(quantity * price.usd),
      configPath,
    })
  }
  const primary = platform.primaryRegion.name
  const storeLines = (
    placement: { shared: string | null; members: readonly string[] },
    priced: Priced[],
    what = placement.shared,
  ) => {
    // A shared store is priced once and borne in equal parts by its enabled members.
    const part = placement.shared === null ? 1 : 1 / Math.max(1, placement.members.length)
    const note = placement.shared === null ? '' : ` [shared ${what}: 1/${placement.members.length}]`
    for (const p of priced) add(p.region, `${p.resource}${note}`, p.item, p.quantity * part, p.configPath)
  }
  const postgres = postgresOf(platform, vertical.name)
  storeLines(postgres, postgresItems(platform, postgres, table))
  const redis = redisOf(platform, vertical.name)
  storeLines(redis, redisItems(platform, redis, hours))
  for (const p of moduleItems(platform, { count: 3, what: 'credentials, runtime, monitoring' }))
    add(p.region, p.resource, p.item, p.quantity, p.configPath)
  // A shared store's own module, borne like its stores by every member of either kind.
  for (const store of new Set([postgres.shared, redis.shared])) {
    const shared = store === null ? undefined : sharedStores(platform).find((s) => s.name === store)
    if (shared === undefined) continue
    const members = new Set([...(shared.postgres?.members ?? []), ...(shared.redis?.members ?? [])])
    const secrets =
      shared.redis === null
        ? { count: 1, what: 'credentials' }
        : { count: 2, what: 'credentials, cache AUTH' }
    storeLines(
      { shared: shared.name, members: [...members] },
      moduleItems(platform, secrets),
      `${shared.name} module`,
    )
  }

  for (const w of Object.values(vertical.workloads)) {
    const replicas = averageReplicas(w)
    // The workload's own entry when the config has one; positions fall back to the vertical's entry.
    const path = ['verticals', vertical.name, 'workloads', w.name]
    const vcpu = w.resources.requests.cpu / 1000
    const memoryGb = w.resources.requests.memory / 1e9
    add(
      primary,
      `workload ${w.name}: ${replicas.toFixed(2)} replicas × ${vcpu} vCPU`,
      'compute:vcpu',
      replicas * vcpu * hours,
      path,
    )
    add(
      primary,
      `workload ${w.name}: ${replicas.toFixed(2)} replicas × ${memoryGb.toFixed(2)} GB`,
      'compute:memory',
      replicas * memoryGb * hours,
      path,
    )
  }

  const waf = platform.security.waf
  add(primary, 'WAF web ACL', 'waf:web-acl', 1, ['security', 'waf'])
  add(
    primary,
    'WAF rules (country, rate limits, managed)',
    'waf:rule',
    1 + waf.rateLimits.length + waf.managedRules.length,
    ['security', 'waf'],
  )
  const storage = storageView(platform, vertical)
  if (storage) {
    add(primary, 'KMS key (object storage)', 'kms:key', 1, ['security', 'encryptionAtRest'])
    // The replica bucket's key lives in its region (storage-dr.tf); the latency alarm beside the source.
    if (storage.replica && platform.drRegion) {
      add(platform.drRegion.name, 'KMS key (object storage replica)', 'kms:key', 1, [
        'security',
        'encryptionAtRest',
      ])
      add(primary, 'CloudWatch alarm (object replication)', 'cloudwatch:alarm', 1, ['alerts'])
    }
  }
  return {
    vertical: vertical.name,
    lines,
    unpriced,
    total: cents(lines.reduce((sum, l) => sum + l.monthly, 0)),
  }
}

/** The estimate of every enabled vertical, in config order, and the platform total. */
export function estimatePlatform(
  platform: ResolvedPlatform,
  table: PriceTable,
  options: { missing?: 'throw' | 'skip' } = {},
) {
  const verticals = Object.values(platform.verticals)
    .filter((v) => v.enabled)
    .map((v) => estimateVertical(platform, v, table, options))
  return { currency: table.currency, verticals, total: cents(verticals.reduce((s, v) => s + v.total, 0)) }
}

/** A platform's estimate: every vertical and the total, USD a month. */
export type PlatformCost = ReturnType<typeof estimatePlatform>
