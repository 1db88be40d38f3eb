import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

export default defineConfig([
  { ...baseTsup },
  // The CLI is ESM only: it is run, never imported. Splitting keeps each command in its own chunk,
  // so a dynamic import really defers loading templates, handlebars and the AWS SDK until needed.
  {
    ...baseTsup,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    splitting: true,
  },
])
