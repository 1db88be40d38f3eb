import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../infrastructure/names'
import { cacheView } from '../infrastructure/terraform/cache'
import { databaseView } from '../infrastructure/terraform/database'
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

/**
 * The monthly cost of everything a vertical's bundle creates, priced from `table`: the database
 * (Multi-AZ doubles instance and storage), its DR replica and the replication transfer, the cache
 * nodes, the workloads' requested CPU and memory over their scheduled replicas, the WAF, KMS keys,
 * the database's managed secret and the CloudWatch alarms. Usage-based charges the config cannot
 * size (requests, traffic to users) are left out, as the table's assumptions say.
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
  const pg = platform.dataStores.postgres
  const database = databaseView(platform, vertical)
  const az = (multi: boolean) => (multi ? 2 : 1)
  const gb = (database.allocatedStorage * 1024 ** 3) / 1e9
  const multi = (m: boolean) => (m ? ' (Multi-AZ)' : '')
  add(
    primary,
    `RDS PostgreSQL ${pg.instanceClass}${multi(database.multiAz)}`,
    `rds:${pg.instanceClass}`,
    hours * az(database.multiAz),
    ['dataStores', 'postgres', 'instanceClass'],
  )
  add(
    primary,
    `RDS gp3 storage ${database.allocatedStorage} GiB${multi(database.multiAz)}`,
    'rds-storage:gp3',
    gb * az(database.multiAz),
    ['dataStores', 'postgres', 'storage'],
  )
  if (database.replica) {
    const dr = database.replica
    add(
      dr.region,
      `RDS PostgreSQL DR replica ${pg.instanceClass}${multi(dr.multiAz)}`,
      `rds:${pg.instanceClass}`,
      hours * az(dr.multiAz),
      ['disasterRecovery', 'rpo', 'database'],
    )
    add(
      dr.region,
      `RDS gp3 storage of the DR replica${multi(dr.multiAz)}`,
      'rds-storage:gp3',
      gb * az(dr.multiAz),
      ['disasterRecovery', 'rpo', 'database'],
    )
    add(
      primary,
      `replication transfer to ${dr.region}`,
      'transfer:inter-region',
      gb * table.assumptions.replicatedGbPerStorageGbMonth,
      ['disasterRecovery', 'rpo', 'database'],
    )
  }
  const cache = cacheView(platform, vertical)
  add(
    primary,
    `ElastiCache ${cache.nodeType} × ${cache.memberClusterIds.length} nodes`,
    `elasticache:${cache.nodeType}`,
    hours * cache.memberClusterIds.length,
    ['dataStores', 'redis', 'nodes'],
  )

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
  const keys = 2 + (database.replica ? 1 : 0) + (storage ? 1 : 0) + (storage?.replica ? 1 : 0)
  add(primary, 'KMS keys (database, cache, buckets)', 'kms:key', keys, ['security', 'encryptionAtRest'])
  add(primary, 'Secrets Manager secret (database master password)', 'secretsmanager:secret', 1, [
    'dataStores',
    'postgres',
  ])
  const alarms =
    2 + 3 * cache.memberClusterIds.length + (database.replica ? 1 : 0) + (storage?.replica ? 1 : 0)
  add(primary, 'CloudWatch alarms', 'cloudwatch:alarm', alarms, ['alerts'])
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
