import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

// `@verticals/core/migrations` is its own entry: the SQL without pg or ioredis, for the generator;
// `@verticals/core/s3` too: the S3 anchor sink, the only part that loads the AWS SDK. verify-worker is
// no export: audit.verify() starts it as a worker thread from dist/ (it must sit beside the bundle).
export default defineConfig({
  ...baseTsup,
  entry: {
    index: 'src/index.ts',
    migrations: 'src/migrations/index.ts',
    s3: 'src/s3.ts',
    'verify-worker': 'src/audit/verify-worker.ts',
  },
  // The main entry loads the S3 entry by name, only when a bucket is configured (openAuditStorage).
  external: ['@verticals/core/s3'],
})
