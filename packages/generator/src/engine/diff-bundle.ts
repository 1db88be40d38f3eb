import { resolve } from 'node:path'
import { createTwoFilesPatch } from 'diff'
import type { GenerateResult } from './generate'
import { compareTrees, plannedTree } from './plan'
import { readTree } from './tree'

/** One file `generate` would change, with its unified diff (`a/` is on disk, `b/` is generated). */
export interface FileDiff {
  readonly path: string
  readonly status: 'added' | 'modified' | 'removed'
  readonly patch: string
}

const NOT_A_FILE = '(not a regular file)\n'

/** Unified diffs of every file that writing `result` to `outDir` would add, change or remove. */
export async function diffBundle(outDir: string, result: GenerateResult): Promise<FileDiff[]> {
  const previous = await readTree(resolve(outDir))
  const planned = plannedTree(result, previous)
  const changes = compareTrees(planned, previous)
  const before = (path: string) => {
    const bytes = previous?.get(path)
    return bytes === null ? NOT_A_FILE : (bytes?.toString('utf8') ?? '')
  }
  const entries: FileDiff[] = [
    ...changes.created.map((path) => ({ path, status: 'added' as const })),
    ...changes.changed.map((path) => ({ path, status: 'modified' as const })),
    ...changes.removed.map((path) => ({ path, status: 'removed' as const })),
  ].map(({ path, status }) => {
    const oldName = status === 'added' ? '/dev/null' : `a/${path}`
    const newName = status === 'removed' ? '/dev/null' : `b/${path}`
    const patch = createTwoFilesPatch(oldName, newName, before(path), planned.get(path) ?? '', '', '', {
      context: 3,
    })
    return { path, status, patch: gitStyle(patch) }
  })
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

// createTwoFilesPatch starts with a `===` ruler and puts a tab after each file name (for an empty
// header); drop both so the output reads like `git diff` and applies with `git apply`.
function gitStyle(patch: string): string {
  return patch.replace(/^(Index: [^\n]*\n)?=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2')
}
