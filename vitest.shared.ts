import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { timeoutFor } from './testing/costs.ts'

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url))
const toolCacheSetup = fileURLToPath(new URL('./vitest.global-setup.ts', import.meta.url))
const summaryReporter = fileURLToPath(new URL('./testing/summary-reporter.ts', import.meta.url))

/**
 * Shared vitest settings: workspace packages resolve to their TypeScript source, so a test
 * always runs the code beside it rather than a stale build; a per-run promtool/amtool verdict cache;
 * the run's counts and per-file times land in .test-summary.json (`npm test` prints them).
 */
export function sharedTestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: {
      alias: [
        // Subpath entries first: each maps to the source file its tsup entry builds.
        { find: /^@verticals\/core\/migrations$/, replacement: `${packagesDir}core/src/migrations/index.ts` },
        { find: /^@verticals\/core\/s3$/, replacement: `${packagesDir}core/src/s3.ts` },
        { find: /^@verticals\/generator\/s3$/, replacement: `${packagesDir}generator/src/s3.ts` },
        { find: /^@verticals\/templates\/cost$/, replacement: `${packagesDir}templates/src/cost/index.ts` },
        { find: /^@verticals\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
      ],
    },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
      reporters: ['default', summaryReporter],
      globalSetup: [toolCacheSetup],
      testTimeout: options.testTimeout ?? 20_000,
      // The heaviest hook packs every public package (tools/e2e) or starts a registry.
      hookTimeout: timeoutFor({ npm: 6 }),
      pool: 'forks',
    },
  })
}
