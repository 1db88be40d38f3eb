import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { GenerateResult } from './generate'
import { recoverInterruptedWrite, siblingPrefix } from './leftovers'
import { assertOurs, compareTrees, plannedTree, type TreeChanges } from './plan'
import { readTree } from './tree'

/** Options of {@link writeBundle}. */
export interface WriteBundleOptions {
  /** Replace a non-empty directory even if it holds no manifest.json of ours. */
  force?: boolean
}

/** What a write did to `<out>`: every path is relative to it. */
export interface WriteSummary extends TreeChanges {
  readonly outDir: string
  /** Number of files the bundle holds now, manifest.json included. */
  readonly files: number
  /** Number of files written: all of them, or 0 when the bundle on disk was already identical. */
  readonly written: number
}

/** A sibling of `target` (same filesystem, so renames are atomic) that no other run will pick. */
function sibling(target: string, role: 'staging' | 'previous'): string {
  return join(dirname(target), `${siblingPrefix(target, role)}${randomBytes(6).toString('hex')}`)
}

async function writeTree(dir: string, tree: Map<string, string>): Promise<void> {
  await mkdir(dir)
  const dirs = new Set([...tree.keys()].map((path) => dirname(path)).filter((d) => d !== '.'))
  for (const d of [...dirs].sort()) await mkdir(join(dir, ...d.split('/')), { recursive: true })
  for (const [path, content] of tree) await writeFile(join(dir, ...path.split('/')), content)
}

/**
 * Writes a bundle to `outDir` atomically: the new tree is written beside it, then swapped in with
 * renames. If anything throws, `outDir` is left exactly as it was and no temporary directory stays.
 * Stale files disappear with the old tree; a bundle identical to the one on disk is not rewritten.
 */
export async function writeBundle(
  outDir: string,
  result: GenerateResult,
  options: WriteBundleOptions = {},
): Promise<WriteSummary> {
  const target = resolve(outDir)
  await recoverInterruptedWrite(target)
  const previous = await readTree(target)
  assertOurs(outDir, previous, options.force ?? false)
  const planned = plannedTree(result, previous)
  const changes = compareTrees(planned, previous)
  const identical = previous && changes.created.length + changes.changed.length + changes.removed.length === 0
  const summary = { outDir, files: planned.size, written: identical ? 0 : planned.size, ...changes }
  if (identical) return summary

  await mkdir(dirname(target), { recursive: true })
  const staging = sibling(target, 'staging')
  try {
    await writeTree(staging, planned)
    if (!previous) {
      await rename(staging, target)
      return summary
    }
    const aside = sibling(target, 'previous')
    await rename(target, aside)
    try {
      await rename(staging, target)
    } catch (error) {
      await rename(aside, target)
      throw error
    }
    // The new bundle is in place; failing to delete the old copy must not fail the run.
    await rm(aside, { recursive: true, force: true }).catch(() => undefined)
    return summary
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined)
  }
}
