import type { ResolvedPlatform } from '@verticals/config-schema'
import { PlatformError } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { logRetentionDays } from './logs'

const MANAGED_RULE_GROUPS = {
  'sql-injection': 'AWSManagedRulesSQLiRuleSet',
  common: 'AWSManagedRulesCommonRuleSet',
  'known-bad-inputs': 'AWSManagedRulesKnownBadInputsRuleSet',
} as const

// Rate-based rules can only count over these windows (seconds).
const WAF_WINDOWS = [60, 120, 300, 600]

/**
 * What the WAF template prints. Rules run in priority order: requests from outside the allowed
 * countries are blocked first, then rate limits per path prefix, then AWS managed rule groups.
 */
export function wafView(platform: ResolvedPlatform, vertical: Vertical) {
  const { waf } = platform.security
  const prefix = resourcePrefix(platform, vertical)
  for (const limit of waf.rateLimits) {
    if (!WAF_WINDOWS.includes(limit.window)) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `security.waf.rateLimits: a window of ${limit.window} s cannot be enforced by AWS WAF`,
        {
          hint: `Use one of ${WAF_WINDOWS.map((w) => `${w}s`).join(', ')}.`,
        },
      )
    }
  }
  let priority = 0
  const geo = {
    name: 'allowed-countries-only',
    priority: priority++,
    metricName: `${prefix}-geo`,
    countries: [...waf.allowCountries],
  }
  const rateLimits = waf.rateLimits.map((limit, index) => ({
    name: `rate-limit-${index + 1}`,
    priority: priority++,
    metricName: `${prefix}-rate-limit-${index + 1}`,
    path: limit.path,
    requests: limit.requests,
    window: limit.window,
    transformPriority: 0,
  }))
  const managedRules = waf.managedRules.map((rule) => ({
    name: rule,
    priority: priority++,
    metricName: `${prefix}-${rule}`,
    group: MANAGED_RULE_GROUPS[rule],
  }))
  return {
    // WAF only logs to groups named aws-waf-logs-*; credentials and session cookies are redacted.
    logGroup: `aws-waf-logs-${prefix}`,
    logRetentionDays: logRetentionDays(platform),
    redactedHeaders: ['authorization', 'cookie'],
    name: `${prefix}-web`,
    metricName: `${prefix}-web`,
    description: `${platform.metadata.displayName} ${vertical.displayName}`,
    geo,
    rateLimits,
    managedRules,
  }
}
