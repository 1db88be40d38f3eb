import { timeoutFor } from '../../testing/costs.ts'
import { sharedTestConfig } from '../../vitest.shared.ts'

// `npm pack --dry-run` reads each package's dist, so nx builds every package before this runs. The
// slowest test here runs three npm commands against the throwaway registry.
export default sharedTestConfig({ testTimeout: timeoutFor({ npm: 3 }) })
