import { PlatformError } from '@verticals/config-schema'
import * as z from 'zod'
// Imported, not read from disk: the CLI bundles the estimator (validate holds every config against
// its budgets) with the one copy of config-schema and zod it already loads, wherever it is installed.
import shippedPrices from '../../prices/aws-on-demand.json' with { type: 'json' }

const SHIPPED = '@verticals/templates/prices/aws-on-demand.json'

// Built on first use: `verticals validate` prices with the shipped table, which the tests hold
// against this schema, and never needs it.
function priceTableSchemas() {
  const price = z.strictObject({
    usd: z.number().nonnegative(),
    unit: z.enum(['hour', 'month', 'GB-month', 'GB', 'vCPU-hour', 'GB-hour']),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected the date the price was read, YYYY-MM-DD'),
    source: z.string().url(),
  })
  const table = z.strictObject({
    $comment: z.string().optional(),
    currency: z.literal('USD'),
    hoursPerMonth: z.number().positive(),
    assumptions: z.strictObject({
      replicatedGbPerStorageGbMonth: z.number().nonnegative(),
      note: z.string(),
    }),
    regions: z.record(z.string(), z.record(z.string(), price)),
  })
  return { price, table }
}
let schemas: ReturnType<typeof priceTableSchemas> | undefined

/** One price: USD per unit, with the date it was read and where. */
export type Price = z.infer<ReturnType<typeof priceTableSchemas>['price']>
/** A price table: prices per region and item (`rds:db.r6g.large`, `compute:vcpu`...), and the assumptions. */
export type PriceTable = z.infer<ReturnType<typeof priceTableSchemas>['table']>

/** Parses a price table (the shipped one, or a user's `--prices` file); INVALID_ARGUMENT names what is wrong. */
export function parsePriceTable(text: string, file: string): PriceTable {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new PlatformError('INVALID_ARGUMENT', `${file}: not JSON (${(error as Error).message})`)
  }
  return checkPriceTable(json, file)
}

function checkPriceTable(json: unknown, file: string): PriceTable {
  schemas ??= priceTableSchemas()
  const result = schemas.table.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.map(String).join('.') || '(root)'
    throw new PlatformError('INVALID_ARGUMENT', `${file}: ${where}: ${issue?.message ?? 'invalid'}`, {
      hint: `Start from the shipped table, ${SHIPPED}, and keep its shape.`,
    })
  }
  return result.data
}

/**
 * The price table shipped with @verticals/templates (sa-east-1 and us-east-1). It is not checked
 * at run time: prices.test.ts holds it against the schema that a user's `--prices` file meets.
 */
export function builtinPriceTable(): PriceTable {
  return shippedPrices as PriceTable
}

/** The price of `item` in `region`; INVALID_ARGUMENT when the table has none, naming what to add. */
export function priceOf(table: PriceTable, region: string, item: string): Price {
  const found = table.regions[region]?.[item]
  if (found === undefined) {
    throw new PlatformError('INVALID_ARGUMENT', `the price table has no price for ${item} in ${region}`, {
      hint: `Add regions."${region}"."${item}" to a price table and pass it with --prices.`,
    })
  }
  return found
}
