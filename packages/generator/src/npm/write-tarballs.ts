import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PackedBundle } from './pack-bundle'

/**
 * Writes each tarball into `dir` (created if missing) under its npm file name, each through a
 * temporary file and a rename, so a reader never sees half a tarball. Returns the paths written.
 */
export async function writeTarballs(dir: string, packed: readonly PackedBundle[]): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const written: string[] = []
  for (const bundle of packed) {
    const target = join(dir, bundle.filename)
    const temporary = join(dir, `.${bundle.filename}.${randomBytes(6).toString('hex')}`)
    try {
      await writeFile(temporary, bundle.tarball.bytes)
      await rename(temporary, target)
    } finally {
      await rm(temporary, { force: true })
    }
    written.push(target)
  }
  return written
}
