import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// Ahead of every file without spawned steps, whatever its size.
const SPAWNS = 1e9

/**
 * Starts the longest files first across all projects, so the files left at the end are short and
 * the workers finish together (vitest's own order runs project after project). A file's expected
 * time is its last duration in vitest's results cache; on a fresh clone, a file whose tests name
 * measured heavy steps (`timeoutFor`) comes first, and larger files before smaller ones.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = new Map(files.map((spec) => [spec, this.expectedTime(spec)]))
    return [...files].sort((a, b) => (expected.get(b) ?? 0) - (expected.get(a) ?? 0))
  }

  private expectedTime(spec: TestSpecification): number {
    const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`
    const last = this.ctx.cache.getFileTestResults(key)?.duration
    if (last !== undefined) return last
    const text = readFileSync(spec.moduleId, 'utf8')
    return (text.includes('timeoutFor(') ? SPAWNS : 0) + text.length
  }
}
