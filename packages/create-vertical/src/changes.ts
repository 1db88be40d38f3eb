import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { diffBundle } from '@verticals/generator'
import { createTwoFilesPatch } from 'diff'
import { BUNDLE_DIR, type Project } from './context'

/** One file a scaffold run would add, change or (in the bundle) remove, with its unified diff. */
export interface FileChange {
  readonly path: string
  readonly status: 'added' | 'modified' | 'removed'
  readonly patch: string
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

// The same shape `verticals diff` prints: git-style headers, three lines of context.
function patchOf(path: string, before: string | undefined, after: string): string {
  const patch = createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${path}`,
    `b/${path}`,
    before ?? '',
    after,
    '',
    '',
    {
      context: 3,
    },
  )
  return patch.replace(/^(Index: [^\n]*\n)?=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2')
}

/** Puts a bundle-relative path of a `verticals diff` patch under `bundle/`. */
function underBundle(patch: string): string {
  return patch.replace(/^(---|\+\+\+) ([ab])\//gm, `$1 $2/${BUNDLE_DIR}/`)
}

/**
 * What writing `project` into `target` would change. Files the template owns are compared one by
 * one; the bundle is compared by the generator's own `diffBundle`, so it reads like `verticals diff`.
 * Other files in the target are never touched and not listed.
 */
export async function projectChanges(target: string, project: Project): Promise<FileChange[]> {
  const changes: FileChange[] = []
  for (const [path, after] of project.files) {
    const before = await readIfExists(join(target, ...path.split('/')))
    if (before === after) continue
    changes.push({
      path,
      status: before === undefined ? 'added' : 'modified',
      patch: patchOf(path, before, after),
    })
  }
  const bundle = project.bundle ? await diffBundle(join(target, BUNDLE_DIR), project.bundle) : []
  for (const d of bundle) {
    changes.push({ path: `${BUNDLE_DIR}/${d.path}`, status: d.status, patch: underBundle(d.patch) })
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
