import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing'
import { type Block, one, moduleOf as parsedModule, postgresModules, redisModules, ref } from './testing'

const platform = examplePlatform()
const moduleOf = (vertical: string) => parsedModule(platform, vertical)

// The data stores' alarms are in the module that creates each store: a vertical's own, or a shared store's.
describe.each(postgresModules(platform))(
  'the PostgreSQL alarms of $label',
  ({ settings: postgres, module }) => {
    it('alarm on the database with the thresholds of `alerts`', async () => {
      const m = await module()
      const { alerts } = platform
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'database_cpu')).toMatchObject({
        metric_name: 'CPUUtilization',
        threshold: alerts.databaseCpu.threshold,
        period: alerts.databaseCpu.for,
        tags: { severity: alerts.databaseCpu.severity },
      })
      expect(one(m, 'aws_cloudwatch_metric_alarm', 'database_connections')).toMatchObject({
        threshold: (postgres.maxConnections * postgres.pool.alarmAt) / postgres.pool.max,
      })
      expect(one(m, 'aws_cloudwatch_log_group', 'database')).toMatchObject({
        retention_in_days: platform.monitoring.logRetention / 86_400,
      })
    })
  },
)

describe.each(redisModules(platform))('the Redis alarms of $label', ({ module }) => {
  it('alarm on the cache with the thresholds of `alerts`', async () => {
    const m = await module()
    const { alerts, dataStores } = platform
    expect(one(m, 'aws_cloudwatch_metric_alarm', 'cache_hit_rate')).toMatchObject({
      comparison_operator: 'LessThanThreshold',
      threshold: dataStores.redis.hitRateTarget,
      period: alerts.cacheHitRate.for,
    })
    expect(one(m, 'aws_cloudwatch_metric_alarm', 'cache_memory')).toMatchObject({
      threshold: alerts.memory.threshold,
    })
  })
})

describe.each(Object.keys(platform.verticals))('the %s budget and firewall', (name) => {
  it('has its own budget only when it declares one, and the account-wide budget in one module only', async () => {
    const m = await moduleOf(name)
    const own = platform.verticals[name]?.budget
    if (own) {
      const budget = one(m, 'aws_budgets_budget', 'monthly')
      expect(budget).toMatchObject({
        limit_amount: String(own.amount),
        limit_unit: own.currency,
        time_unit: 'MONTHLY',
        cost_filter: [{ name: 'TagKeyValue', values: [`user:verticals:vertical$${name}`] }],
      })
      const notifications = budget.notification as Block[]
      expect(notifications.map((n) => n.threshold)).toEqual(platform.budget.alertThresholds)
    } else {
      expect(m.resource.aws_budgets_budget?.monthly).toBeUndefined()
    }
    const account = one(m, 'aws_budgets_budget', 'platform')
    expect(account).toMatchObject({
      for_each: ref('var.manage_platform_budget ? toset(["account"]) : toset([])'),
      limit_amount: String(platform.budget.monthly.amount),
      limit_unit: platform.budget.monthly.currency,
    })
    expect(account).not.toHaveProperty('cost_filter')
    const first = Object.values(platform.verticals).find((v) => v.enabled)?.name
    expect(m.variable.manage_platform_budget?.[0]?.default).toBe(name === first)
  })

  it('has a CLOUDFRONT-scope WAF with the country allow-list, the rate limits and the SQL-injection rule set', async () => {
    const m = await moduleOf(name)
    const acl = one(m, 'aws_wafv2_web_acl', 'edge')
    expect(acl).toMatchObject({ scope: 'CLOUDFRONT', provider: ['$', '{aws.edge}'].join('') })
    // Behind CloudFront the ALB's regional ACL only admits requests carrying the origin secret.
    const regional = one(m, 'aws_wafv2_web_acl', 'main')
    expect(regional.scope).toBe('REGIONAL')
    expect((regional.rule as Block[]).map((r) => r.name)).toEqual(['from-cloudfront-only'])
    const rules = acl.rule as Block[]
    const text = JSON.stringify(rules)
    expect(text).toContain(JSON.stringify({ country_codes: platform.security.waf.allowCountries }))
    for (const limit of platform.security.waf.rateLimits) {
      expect(text).toContain(`"evaluation_window_sec":${limit.window}`)
      expect(text).toContain(`"limit":${limit.requests}`)
      expect(text).toContain(JSON.stringify(limit.path))
    }
    expect(text).toContain('"name":"AWSManagedRulesSQLiRuleSet"')
    expect(rules.map((r) => r.priority)).toEqual(rules.map((_, i) => i))
  })
  it('logs WAF requests to a group that expires after monitoring.logRetention', async () => {
    const m = await moduleOf(name)
    const retention = platform.monitoring.logRetention / 86_400
    expect(one(m, 'aws_cloudwatch_log_group', 'waf')).toMatchObject({
      name: `aws-waf-logs-${platform.metadata.name}-${name}`,
      retention_in_days: retention,
    })
    const logging = one(m, 'aws_wafv2_web_acl_logging_configuration', 'main')
    expect(logging.redacted_fields).toEqual([
      { single_header: [{ name: 'authorization' }] },
      { single_header: [{ name: 'cookie' }] },
    ])
  })
})
