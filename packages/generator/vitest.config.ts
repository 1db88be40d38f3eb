import { mergeConfig } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared.ts'

// CLI tests spawn the built binary; globalSetup builds it first when the source is newer. Tests
// that spawn it take their timeout from what they run (testing/costs.ts).
export default mergeConfig(sharedTestConfig(), {
  test: { globalSetup: ['./src/testing/build-cli.ts'] },
})
