import { sharedTestConfig } from './vitest.shared.ts'

// Benchmarks are *.bench.ts files run as plain vitest files (one process at a time, no timeout
// pressure); each records its medians through scripts/bench/report.ts. They never run in `npm test`.
const config = sharedTestConfig()

export default {
  ...config,
  test: {
    ...config.test,
    // Replaces (not extends) the test include, so `bench` runs benchmarks only.
    include: ['src/**/*.bench.ts', 'bench/**/*.bench.ts'],
    reporters: ['default'],
    testTimeout: 600_000,
    fileParallelism: false,
  },
}
