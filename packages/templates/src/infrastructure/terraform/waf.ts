import type { ResolvedPlatform } from '@verticals/config-schema'
import { PlatformError } from '@verticals/config-schema'
import { edgePlan, ORIGIN_VERIFY_HEADER } from '../edge'
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
 * What the WAF templates print. Rules run in priority order: requests from outside the allowed
 * countries are blocked first, then rate limits per path prefix, then AWS managed rule groups.
 *
 * Where they live: without a CDN, in the REGIONAL web ACL on the ALB (waf.tf). Behind CloudFront the
 * ALB sees CloudFront's addresses, not the viewer's, so a geo match or a per-IP rate limit there would
 * judge the edge node instead of the person: the rules move to the CLOUDFRONT-scope web ACL on the
 * distribution (edge.tf, us-east-1), and the ALB's ACL keeps one rule, which blocks every request that
 * lacks CloudFront's secret origin header (nobody reaches the ALB around the edge).
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
  const behindCdn = edgePlan(platform, vertical)?.cdn != null
  const rules = { geo, rateLimits, managedRules }
  return {
    // WAF only logs to groups named aws-waf-logs-*; credentials and session cookies are redacted.
    logGroup: `aws-waf-logs-${prefix}`,
    logRetentionDays: logRetentionDays(platform),
    redactedHeaders: ['authorization', 'cookie'],
    name: `${prefix}-web`,
    metricName: `${prefix}-web`,
    description: `${platform.metadata.displayName} ${vertical.displayName}`,
    ...(behindCdn
      ? {
          geo: null,
          rateLimits: [],
          managedRules: [],
          originVerify: {
            name: 'from-cloudfront-only',
            priority: 0,
            metricName: `${prefix}-origin-verify`,
            header: ORIGIN_VERIFY_HEADER,
            transformPriority: 0,
          },
        }
      : { ...rules, originVerify: null }),
    edge: behindCdn
      ? {
          ...rules,
          name: `${prefix}-edge`,
          metricName: `${prefix}-edge`,
          logGroup: `aws-waf-logs-${prefix}-edge`,
        }
      : null,
  }
}
