import { defineConfig } from 'vitest/config'

// The registry end-to-end run (`npm run test:e2e`): real processes, real installs, so minutes
// rather than seconds, and one file at a time so two runs never compete for the machine.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 10 * 60_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
})
