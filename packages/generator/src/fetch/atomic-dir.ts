import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { PlatformError } from '@verticals/config-schema'

/** A fresh, empty directory beside `out` (same filesystem, so the final rename is atomic). */
export async function makeStagingDir(out: string): Promise<string> {
  const target = resolve(out)
  await mkdir(dirname(target), { recursive: true })
  const staging = join(dirname(target), `.${basename(target)}.fetch-${randomBytes(6).toString('hex')}`)
  await mkdir(staging)
  return staging
}

async function entriesOf(dir: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new PlatformError('INVALID_ARGUMENT', `${dir} exists and is not a directory.`)
    }
    return await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Moves `staging` to `out`. An existing `out` is replaced only if it is empty or a previous fetch
 * (it holds a manifest.json), so a mistyped --out never wipes unrelated files.
 */
export async function commitStagingDir(staging: string, out: string): Promise<void> {
  const target = resolve(out)
  const existing = await entriesOf(target)
  if (existing === undefined) {
    await rename(staging, target)
    return
  }
  if (existing.length > 0 && !existing.includes('manifest.json')) {
    throw new PlatformError(
      'OUTPUT_NOT_OURS',
      `${target} is not empty and does not hold a fetched version.`,
      {
        hint: 'Choose an empty or new --out directory; nothing was written.',
      },
    )
  }
  const previous = `${staging}.previous`
  await rename(target, previous)
  try {
    await rename(staging, target)
  } catch (error) {
    // Put the old version back so a failed swap leaves `out` as it was.
    await rename(previous, target)
    throw error
  }
  await rm(previous, { recursive: true, force: true })
}
