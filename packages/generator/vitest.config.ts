import { fileURLToPath } from 'node:url'
import { mergeConfig } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared.ts'

// Subpath entries of sibling packages resolve to their source, like the packages themselves.
const coreMigrations = fileURLToPath(new URL('../core/src/migrations/index.ts', import.meta.url))

// CLI tests spawn the built binary; globalSetup builds it first when the source is newer.
export default mergeConfig(sharedTestConfig({ testTimeout: 60_000 }), {
  resolve: { alias: [{ find: /^@verticals\/core\/migrations$/, replacement: coreMigrations }] },
  test: { globalSetup: ['./src/testing/build-cli.ts'] },
})
