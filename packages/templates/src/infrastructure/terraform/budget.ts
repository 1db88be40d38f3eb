import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { VERTICAL_TAG } from './module'

/**
 * What the budget template prints: a monthly cost budget over the resources tagged with the vertical
 * (activate the tag as a cost-allocation tag), limited to the platform's monthly budget, with one
 * notification per configured threshold.
 */
export function budgetView(platform: ResolvedPlatform, vertical: Vertical) {
  return {
    name: `${resourcePrefix(platform, vertical)}-monthly`,
    amount: String(platform.budget.monthly.amount),
    currency: platform.budget.monthly.currency,
    costFilter: `user:${VERTICAL_TAG}$${vertical.name}`,
    thresholds: [...platform.budget.alertThresholds],
  }
}
