import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url))

/**
 * Shared vitest settings: workspace packages resolve to their TypeScript source, so a test
 * always runs the code beside it rather than a stale build; results land in .test-results.json
 * for the summary line printed by `npm test`.
 */
export function sharedTestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: {
      alias: [
        // Subpath entries first: each maps to the source file its tsup entry builds.
        { find: /^@verticals\/core\/migrations$/, replacement: `${packagesDir}core/src/migrations/index.ts` },
        { find: /^@verticals\/core\/s3$/, replacement: `${packagesDir}core/src/s3.ts` },
        { find: /^@verticals\/generator\/s3$/, replacement: `${packagesDir}generator/src/s3.ts` },
        { find: /^@verticals\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
      ],
    },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: 60_000,
      pool: 'forks',
    },
  })
}
