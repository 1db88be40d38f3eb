import { sharedTestConfig } from '../../vitest.shared.ts'

// `npm pack --dry-run` reads each package's dist, so nx builds every package before this runs.
export default sharedTestConfig({ testTimeout: 60_000 })
