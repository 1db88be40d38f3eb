import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { VERTICAL_TAG } from './module'

/**
 * The vertical whose root module manages the account-wide platform budget by default: the first
 * enabled vertical in config order. An AWS Budget name is unique per account, so exactly one root
 * module may create it; `manage_platform_budget` moves it elsewhere.
 */
export function platformBudgetOwner(platform: ResolvedPlatform): string | undefined {
  return Object.values(platform.verticals).find((v) => v.enabled)?.name
}

/**
 * What the budget template prints: the vertical's own monthly cost budget (`verticals.<v>.budget`,
 * over the resources tagged with the vertical; activate the tag as a cost-allocation tag) when it
 * declares one, and the platform's account-wide budget (`budget.monthly`), created by one vertical's
 * root module. Both notify at every configured threshold.
 */
export function budgetView(platform: ResolvedPlatform, vertical: Vertical) {
  const own = vertical.budget
  return {
    vertical: own && {
      name: `${resourcePrefix(platform, vertical)}-monthly`,
      amount: String(own.amount),
      currency: own.currency,
      costFilter: `user:${VERTICAL_TAG}$${vertical.name}`,
    },
    platform: {
      name: `${platform.metadata.name}-platform-monthly`,
      amount: String(platform.budget.monthly.amount),
      currency: platform.budget.monthly.currency,
      managedHere: platformBudgetOwner(platform) === vertical.name,
    },
    thresholds: [...platform.budget.alertThresholds],
  }
}
