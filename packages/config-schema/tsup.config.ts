import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

// `diagnostics` is an entry of its own (errors and messages without zod); splitting keeps one copy of
// what both entries share, so a PlatformError from one is an instance of the other's class.
export default defineConfig({
  ...baseTsup,
  entry: { index: 'src/index.ts', diagnostics: 'src/diagnostics-entry.ts' },
  splitting: true,
})
