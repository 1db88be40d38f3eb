import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

// `@verticals/core/migrations` is its own entry: the SQL without pg or ioredis, for the generator.
export default defineConfig({
  ...baseTsup,
  entry: { index: 'src/index.ts', migrations: 'src/migrations/index.ts' },
})
