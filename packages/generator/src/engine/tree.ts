import { lstat, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PlatformError } from '@verticals/config-schema'

/** Files of a directory by `/`-separated relative path; `null` marks an entry that is not a regular file. */
export type Tree = Map<string, Buffer | null>

/** Reads every file under `dir`; `undefined` when it does not exist. Symlinks are not followed. */
export async function readTree(dir: string): Promise<Tree | undefined> {
  let stats: Awaited<ReturnType<typeof lstat>>
  try {
    stats = await lstat(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  if (!stats.isDirectory()) {
    throw new PlatformError('INVALID_ARGUMENT', `${dir} exists and is not a directory.`, {
      hint: 'Pass --out a directory (it is created when missing).',
    })
  }
  const tree: Tree = new Map()
  const walk = async (current: string, prefix: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true })
    for (const entry of entries) {
      const rel = `${prefix}${entry.name}`
      const full = join(current, entry.name)
      if (entry.isDirectory()) await walk(full, `${rel}/`)
      else tree.set(rel, entry.isFile() ? await readFile(full) : null)
    }
  }
  await walk(dir, '')
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
