export {
  ARTIFACT_KINDS,
  type Artifact,
  type ArtifactBuilder,
  type ArtifactKind,
  type BundleContext,
  type ConfigSource,
  PLATFORM_DIR,
  type SqlMigration,
} from './artifact'
export {
  type BudgetFinding,
  budgetFindings,
  builtinPriceTable,
  type CostLine,
  estimatePlatform,
  estimateVertical,
  marketShares,
  type PlatformCost,
  type Price,
  type PriceTable,
  parsePriceTable,
} from './cost/index'
export { GENERATED_NOTICE, generatedHeader } from './header'
export { verticalConfigChecksum } from './infrastructure/kubernetes/runtime-config'
export { BUNDLES, renderPlatform, renderVertical } from './render'
export { sortKeys, toJson, toYaml } from './serialize'
export { assertTemplateSafe, createTextEngine, type TextEngine } from './text/engine'
export { hclValue, markdownInline, sqlIdentifier, sqlString } from './text/escape'
export { type ArtifactValidator, type ValidationProblem, validateArtifacts } from './validate/index'
