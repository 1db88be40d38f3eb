export { type BudgetFinding, budgetFindings, marketShares } from './budgets'
export {
  type CostLine,
  estimatePlatform,
  estimateVertical,
  type PlatformCost,
  type VerticalCost,
} from './estimate'
export { builtinPriceTable, type Price, type PriceTable, parsePriceTable, priceOf } from './prices'
export { averageReplicas } from './replicas'
