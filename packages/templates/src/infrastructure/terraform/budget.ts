import type { ResolvedPlatform, ResolvedVertical } from '@verticals/config-schema'
import { resourcePrefix } from '../names'
import { VERTICAL_TAG } from './module'

/**
 * What the budget template prints: a monthly cost budget over the resources tagged with the vertical
 * (activate the tag as a cost-allocation tag), limited to the platform's monthly budget, with one
 * notification per configured threshold.
 */
export function budgetView(platform: ResolvedPlatform, vertical: ResolvedVertical) {
  return {
    name: `${resourcePrefix(platform, vertical)}-monthly`,
    amount: String(platform.budget.monthly.amount),
    currency: platform.budget.monthly.currency,
    costFilter: `user:${VERTICAL_TAG}$${vertical.name}`,
    thresholds: [...platform.budget.alertThresholds],
  }
}
