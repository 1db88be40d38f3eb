import type { Artifact, BundleContext } from '../artifact'
import { GENERATED_NOTICE } from '../header'
import { toJson } from '../serialize'
import { estimateVertical } from './estimate'
import { builtinPriceTable } from './prices'

/** Path of a vertical's cost report in its bundle. */
export const costReportPath = (vertical: string) => `${vertical}/infrastructure/cost.json`

/**
 * `<vertical>/infrastructure/cost.json`: the monthly estimate of what this bundle creates, priced
 * from the table shipped with @verticals/templates (`verticals cost --prices` prices it otherwise),
 * with the dates of the prices it used and the assumptions behind it.
 */
export function costReportArtifact({
  platform,
  vertical,
}: Pick<BundleContext, 'platform' | 'vertical'>): Artifact {
  const table = builtinPriceTable()
  // A resource the table does not price (an instance class it lacks) is listed, never guessed.
  const estimate = estimateVertical(platform, vertical, table, { missing: 'skip' })
  const dates = [...new Set(estimate.lines.map((l) => table.regions[l.region]?.[l.item]?.date ?? ''))].sort()
  const report = {
    $comment: GENERATED_NOTICE,
    apiVersion: 'verticals/v1',
    kind: 'CostEstimate',
    vertical: vertical.name,
    currency: table.currency,
    period: 'month',
    total: estimate.total,
    budget: vertical.budget?.amount ?? null,
    lines: estimate.lines.map((l) => ({
      region: l.region,
      resource: l.resource,
      item: l.item,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      monthly: l.monthly,
      configPath: l.configPath.join('.'),
    })),
    unpriced: estimate.unpriced,
    prices: { table: 'built-in (@verticals/templates prices/aws-on-demand.json)', dates },
    assumptions: { ...table.assumptions },
  }
  return {
    path: costReportPath(vertical.name),
    kind: 'cost-report',
    vertical: vertical.name,
    content: toJson(report),
  }
}
