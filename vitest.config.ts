import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import LongestFirst from './testing/sequencer.ts'

/**
 * Every package's tests in one run (`npm test` uses it; `npx vitest run` from the root too): one
 * pool of workers, one per core, schedules the files of all projects, longest first, so two
 * packages' heavy files never run three to a core nor start last. Each project keeps its own
 * vitest.config.ts (aliases, timeouts, globalSetup).
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tools/e2e/vitest.config.ts'],
    maxWorkers: availableParallelism(),
    globalSetup: ['./vitest.global-setup.ts'],
    reporters: ['default', './testing/summary-reporter.ts'],
    sequence: { sequencer: LongestFirst },
  },
})
