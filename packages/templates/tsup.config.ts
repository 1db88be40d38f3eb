import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

// Split chunks so validators and their tools load only when validateArtifacts() asks for them.
// `@verticals/templates/cost` is its own entry: the estimate and the price table, without handlebars
// or the validators, for `verticals validate` and `verticals cost`.
export default defineConfig({
  ...baseTsup,
  entry: { index: 'src/index.ts', cost: 'src/cost/index.ts' },
  splitting: true,
})
