import type { PlatformCost } from '@verticals/templates/cost'

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** The estimate as a plain-text table: one row per line item, a total per vertical and for the platform. */
export function costTable(cost: PlatformCost): string[] {
  const rows: [string, string, string, string][] = [
    ['vertical', 'region', 'resource', `${cost.currency}/month`],
  ]
  for (const v of cost.verticals) {
    for (const l of v.lines) rows.push([v.vertical, l.region, l.resource, money(l.monthly)])
    for (const u of v.unpriced) rows.push([v.vertical, u.region, `${u.resource} (no price)`, '-'])
    rows.push([v.vertical, '', 'total', money(v.total)])
  }
  rows.push(['platform', '', 'total', money(cost.total)])
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  )
}
