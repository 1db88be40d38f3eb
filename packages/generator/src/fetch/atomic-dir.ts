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
 * Checks that `out` may be replaced: it is missing, empty or a previous fetch (holds a
 * manifest.json), so a mistyped --out never wipes unrelated files. Returns whether it exists.
 */
export async function assertReplaceable(out: string): Promise<boolean> {
  const target = resolve(out)
  const existing = await entriesOf(target)
  if (existing && existing.length > 0 && !existing.includes('manifest.json')) {
    throw new PlatformError(
      'OUTPUT_NOT_OURS',
      `${target} is not empty and does not hold a fetched version.`,
      {
        hint: 'Choose an empty or new --out directory; nothing was written.',
      },
    )
  }
  return existing !== undefined
}

/** Moves `staging` to `out`, swapping out a replaceable previous `out` (put back if the swap fails). */
export async function commitStagingDir(staging: string, out: string): Promise<void> {
  const target = resolve(out)
  if (!(await assertReplaceable(target))) {
    await rename(staging, target)
    return
  }
  const previous = `${staging}.previous`
  await rename(target, previous)
  try {
    await rename(staging, target)
  } catch (error) {
    await rename(previous, target)
    throw error
  }
  await rm(previous, { recursive: true, force: true })
}
