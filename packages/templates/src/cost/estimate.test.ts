import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../infrastructure/testing'
import { PRICES_FILE } from '../paths'
import { budgetFindings, marketShares } from './budgets'
import { estimatePlatform } from './estimate'
import { builtinPriceTable, parsePriceTable } from './prices'

const platform = examplePlatform()
// The price table read as plain JSON, not through the estimator's code.
const raw = JSON.parse(readFileSync(PRICES_FILE, 'utf8')) as {
  hoursPerMonth: number
  assumptions: { replicatedGbPerStorageGbMonth: number }
  regions: Record<string, Record<string, { usd: number }>>
}
const usd = (region: string, item: string) => raw.regions[region]?.[item]?.usd as number

/**
 * Replicas a week, by hand for the example's schedule: on each business day the windows open 15
 * minutes early, so peaks hold 08:45-12:00 and 16:45-20:00, business hours 12:00-16:45 in between,
 * and the minimum the other 12.75 hours; the seventh day stays at the minimum.
 */
function weeklyAverage(min: number, business: number, peak: number): number {
  const b = Math.max(min, business)
  const p = Math.max(b, peak)
  return (6 * (6.5 * p + 4.75 * b + 12.75 * min) + 24 * min) / 168
}

type Settings = typeof platform.dataStores
/** A vertical's store of one kind, read from the config by hand: its sizing and how many share it. */
function storeOf<K extends 'postgres' | 'redis'>(name: string, kind: K): { s: Settings[K]; n: number } {
  const store = platform.verticals[name]!.dataStores[kind]
  if (store === 'dedicated') return { s: platform.dataStores[kind], n: 1 }
  const n = Object.values(platform.verticals).filter((v) => v.enabled && v.dataStores[kind] === store).length
  return {
    s: { ...platform.dataStores[kind], ...platform.dataStores.shared[store]?.[kind] } as Settings[K],
    n,
  }
}

describe('verticals cost arithmetic, recomputed from the price table', () => {
  const cost = estimatePlatform(platform, builtinPriceTable())
  const h = raw.hoursPerMonth
  const primary = platform.primaryRegion.name
  const dr = platform.drRegion?.name as string

  /** A whole PostgreSQL store a month: Multi-AZ instance and storage in both regions, transfer, keys, secret, alarms. */
  const database = (pg: Settings['postgres']) => {
    const gb = pg.storage / 1e9
    return (
      usd(primary, `rds:${pg.instanceClass}`) * h * 2 + // Multi-AZ
      usd(primary, 'rds-storage:gp3') * gb * 2 +
      usd(dr, `rds:${pg.instanceClass}`) * h * 2 + // the DR region is Multi-AZ too
      usd(dr, 'rds-storage:gp3') * gb * 2 +
      usd(primary, 'transfer:inter-region') * gb * raw.assumptions.replicatedGbPerStorageGbMonth +
      usd(primary, 'kms:key') + // the database's, and its replica's in the DR region
      usd(dr, 'kms:key') +
      // CPU, connections, free storage, freeable memory; the replica's lag alarm in the DR region.
      4 * usd(primary, 'cloudwatch:alarm') +
      usd(dr, 'cloudwatch:alarm')
    )
  }
  /** A whole Redis store a month: its nodes, its key and three alarms per node. */
  const cache = (redis: Settings['redis']) =>
    usd(primary, `elasticache:${redis.nodeType}`) * h * redis.nodes +
    usd(primary, 'kms:key') +
    3 * redis.nodes * usd(primary, 'cloudwatch:alarm')

  /** What every Terraform module has: the secrets' key, the alarm topics' keys in both regions, `secrets` secrets. */
  const module = (secrets: number) =>
    usd(primary, 'kms:key') * 2 + usd(dr, 'kms:key') + secrets * usd(primary, 'secretsmanager:secret')

  it.each(cost.verticals.map((v) => [v.vertical, v] as const))('%s', (name, estimate) => {
    const vertical = platform.verticals[name]!
    const pg = storeOf(name, 'postgres')
    const redis = storeOf(name, 'redis')
    // A shared store is borne in equal parts by its members; its own module by the members of either kind.
    let expected = database(pg.s) / pg.n + cache(redis.s) / redis.n
    expected += module(3) // the vertical's credentials, runtime and monitoring secrets
    for (const store of new Set(Object.values(vertical.dataStores))) {
      if (store === 'dedicated') continue
      const members = Object.values(platform.verticals).filter(
        (v) => v.enabled && Object.values(v.dataStores).includes(store),
      ).length
      const hasRedis = Object.values(platform.verticals).some(
        (v) => v.enabled && v.dataStores.redis === store,
      )
      expected += module(hasRedis ? 2 : 1) / members // master credentials, and the members' cache AUTH
    }
    for (const w of Object.values(vertical.workloads)) {
      const replicas = weeklyAverage(
        w.autoscaling.minReplicas,
        w.schedule.businessMinReplicas,
        w.schedule.peakMinReplicas,
      )
      expected += replicas * h * (usd(primary, 'compute:vcpu') * (w.resources.requests.cpu / 1000))
      expected += replicas * h * (usd(primary, 'compute:memory') * (w.resources.requests.memory / 1e9))
    }
    const rules = 1 + platform.security.waf.rateLimits.length + platform.security.waf.managedRules.length
    const objects = vertical.objectStorage
      ? usd(primary, 'kms:key') + usd(dr, 'kms:key') + usd(primary, 'cloudwatch:alarm')
      : 0
    expected += usd(primary, 'waf:web-acl') + rules * usd(primary, 'waf:rule') + objects
    // Lines are rounded to cents each: the total may differ by half a cent per line.
    expect(Math.abs(estimate.total - expected)).toBeLessThan(0.005 * estimate.lines.length + 1e-9)
    expect(estimate.total).toBeCloseTo(
      estimate.lines.reduce((s, l) => s + l.monthly, 0),
      2,
    )
  })

  it('prices a shared store once: its members’ parts add up to the whole store', () => {
    const shared = platform.dataStores.shared.marketplace!
    const whole = database({ ...platform.dataStores.postgres, ...shared.postgres } as Settings['postgres'])
    const parts = cost.verticals
      .flatMap((v) => v.lines)
      .filter((l) => l.resource.includes('[shared marketplace: 1/2]'))
    expect(new Set(parts.map((l) => l.vertical))).toEqual(new Set(['barber', 'beauty']))
    expect(Math.abs(parts.reduce((s, l) => s + l.monthly, 0) - whole)).toBeLessThan(0.005 * parts.length)
    const redis = { ...platform.dataStores.redis, ...shared.redis } as Settings['redis']
    const cached = cost.verticals
      .flatMap((v) => v.lines)
      .filter((l) => l.resource.includes('[shared marketplace: 1/3]'))
    expect(new Set(cached.map((l) => l.vertical))).toEqual(new Set(['barber', 'beauty', 'fitness']))
    expect(Math.abs(cached.reduce((s, l) => s + l.monthly, 0) - cache(redis))).toBeLessThan(
      0.005 * cached.length,
    )
  })

  it('adds the verticals up to the platform total', () => {
    expect(cost.total).toBeCloseTo(
      cost.verticals.reduce((s, v) => s + v.total, 0),
      2,
    )
  })

  it('takes a user price table instead of the shipped one', () => {
    const cheaper = structuredClone(raw) as typeof raw
    for (const region of Object.values(cheaper.regions)) for (const p of Object.values(region)) p.usd /= 2
    const table = parsePriceTable(JSON.stringify(cheaper), 'half.json')
    expect(estimatePlatform(platform, table).total).toBeCloseTo(cost.total / 2, -1)
  })

  it('names the missing price and the region, and refuses a malformed table', () => {
    const table = parsePriceTable(readFileSync(PRICES_FILE, 'utf8'), 'p.json')
    const { nodeType } = platform.dataStores.redis
    delete table.regions['sa-east-1']?.[`elasticache:${nodeType}`]
    expect(() => estimatePlatform(platform, table)).toThrow(
      `the price table has no price for elasticache:${nodeType} in sa-east-1`,
    )
    expect(() => parsePriceTable('{"currency":"EUR"}', 'eur.json')).toThrow(/^eur\.json: currency: /)
  })
})

describe('budgets held against the estimate', () => {
  const where = (path: readonly (string | number)[]) => `platform.yaml ${path.join('.')}`
  const cost = estimatePlatform(platform, builtinPriceTable())

  it('splits each vertical over its live markets by traffic share', () => {
    const shares = marketShares(platform, cost)
    const sum = [...shares.values()].reduce((s, m) => s + m.total, 0)
    expect(sum).toBeCloseTo(cost.total, 0)
    const ba = platform.markets['buenos-aires']!.trafficShare / 100
    expect(shares.get('buenos-aires')?.total).toBeCloseTo(cost.total * ba, 0)
    expect(shares.has('mendoza')).toBe(false) // planned: no traffic, no cost
  })

  it('names the largest items and where the config sets them when the platform is over budget', () => {
    const tight = {
      ...platform,
      budget: { ...platform.budget, monthly: { amount: 1000, currency: 'USD' }, enforce: 'error' as const },
    }
    const [first] = budgetFindings(tight, cost, where)
    expect(first).toMatchObject({ severity: 'error', path: ['budget', 'monthly'] })
    expect(first?.message).toMatch(
      /^estimated USD [\d,]+\.\d\d a month for the platform is above the budget of USD 1,000\.00; largest items: RDS PostgreSQL/,
    )
    // The dedicated databases' class and the shared store's cache nodes, each where the config sets it.
    expect(first?.message).toContain(
      '(2 verticals) USD 1,059.96 at platform.yaml dataStores.postgres.instanceClass',
    )
    expect(first?.message).toContain('at platform.yaml dataStores.shared.marketplace.redis.nodes')
  })

  it('warns instead when budget.enforce is warn', () => {
    const warn = {
      ...platform,
      budget: { ...platform.budget, monthly: { amount: 1000, currency: 'USD' }, enforce: 'warn' as const },
    }
    expect(budgetFindings(warn, cost, where).every((f) => f.severity === 'warning')).toBe(true)
  })
})
