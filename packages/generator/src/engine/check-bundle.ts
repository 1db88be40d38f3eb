import { resolve } from 'node:path'
import type { GenerateResult } from './generate'
import { compareTrees, plannedTree } from './plan'
import { readTree } from './tree'

/** How a bundle on disk differs from what the config generates. */
export interface CheckResult {
  /** True when the bundle on disk is exactly what `generate` would write. */
  readonly upToDate: boolean
  /** Files whose bytes differ from the generated ones (edited by hand, or generated from another config). */
  readonly drifted: string[]
  /** Files the config generates that are absent on disk. */
  readonly missing: string[]
  /** Files on disk that the config does not generate (`generate` would remove them). */
  readonly extra: string[]
}

/** Compares `outDir` with a result without writing anything (what consuming CI runs). */
export async function checkBundle(outDir: string, result: GenerateResult): Promise<CheckResult> {
  const previous = await readTree(resolve(outDir))
  const changes = compareTrees(plannedTree(result, previous), previous)
  return {
    upToDate: changes.created.length + changes.changed.length + changes.removed.length === 0,
    drifted: changes.changed,
    missing: changes.created,
    extra: changes.removed,
  }
}
