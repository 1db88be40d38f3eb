import { mergeConfig } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared.ts'

// CLI tests spawn the built binary; globalSetup builds it first when the source is newer.
export default mergeConfig(sharedTestConfig({ testTimeout: 60_000 }), {
  test: { globalSetup: ['./src/testing/build-cli.ts'] },
})
