import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { PRICES_FILE } from '../paths'
import { builtinPriceTable, parsePriceTable } from './prices'

it('ships a price table that meets the schema of a --prices file, and prices with exactly it', () => {
  // builtinPriceTable() skips the check at run time (validate starts faster): this is the check.
  const checked = parsePriceTable(readFileSync(PRICES_FILE, 'utf8'), PRICES_FILE)
  expect(builtinPriceTable()).toEqual(checked)
  expect(Object.keys(builtinPriceTable().regions).sort()).toEqual(['sa-east-1', 'us-east-1'])
})
