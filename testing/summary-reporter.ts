import { writeFileSync } from 'node:fs'
import type { Reporter, SerializedError, TestModule } from 'vitest/node'

/** What `npm test` prints at the end: counts, unhandled errors, and where the time went by file. */
export interface TestSummary {
  passed: number
  failed: number
  skipped: number
  /** Errors thrown outside any test (a callback after its test ended, say): each fails the run. */
  unhandledErrors: string[]
  /** Test files with the time from their first import to their last test, slowest first. */
  files: { project: string; file: string; seconds: number; collectSeconds: number }[]
}

/** Writes the run's TestSummary to `.test-summary.json` in the directory vitest runs in. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandled: readonly SerializedError[]): void {
    const summary: TestSummary = { passed: 0, failed: 0, skipped: 0, unhandledErrors: [], files: [] }
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') summary.passed++
        else if (state === 'failed') summary.failed++
        else summary.skipped++
      }
      // A file that fails to load has no tests: it counts as one failure.
      if (module.state() === 'failed' && !module.children.allTests('failed').next().value) summary.failed++
      const diagnostic = module.diagnostic()
      summary.files.push({
        project: module.project.name,
        file: module.relativeModuleId,
        seconds: (diagnostic.collectDuration + diagnostic.duration) / 1000,
        collectSeconds: diagnostic.collectDuration / 1000,
      })
    }
    summary.files.sort((a, b) => b.seconds - a.seconds)
    summary.unhandledErrors = unhandled.map((e) => `${e.name ?? 'Error'}: ${e.message ?? String(e)}`)
    writeFileSync('.test-summary.json', `${JSON.stringify(summary, null, 2)}\n`)
  }
}
