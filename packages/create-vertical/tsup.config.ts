import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

export default defineConfig([
  { ...baseTsup },
  // The CLI is ESM only: it is run, never imported.
  { ...baseTsup, entry: { cli: 'src/cli.ts' }, format: ['esm'], dts: false, clean: false },
])
