import { randomBytes } from 'node:crypto'
import { access, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { writeBundle } from '@verticals/generator'
import { BUNDLE_DIR, type Context } from '../context'

/** A sibling of `target` (same filesystem, so renames are atomic) that no other run picks. */
function sibling(target: string, role: 'staging' | 'previous'): string {
  return join(
    dirname(target),
    `.${basename(target)}.create-vertical-${role}-${randomBytes(6).toString('hex')}`,
  )
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

/**
 * Writes the project into a staging directory beside the target, then moves it in: a new or empty
 * target is replaced by one rename; over an existing project (--force) each file it owns (and the
 * bundle as a whole) is swapped in, and every swap is undone if one fails. Never half-written.
 */
export async function write(ctx: Pick<Context, 'target' | 'targetState' | 'project'>): Promise<void> {
  const staging = sibling(ctx.target, 'staging')
  await mkdir(dirname(ctx.target), { recursive: true })
  try {
    await mkdir(staging)
    for (const [path, content] of ctx.project.files) {
      const file = join(staging, ...path.split('/'))
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, content)
    }
    // No bundle when an upgrade left platform.yaml in conflict: the one on disk stays as it is.
    const bundle = ctx.project.bundle
    if (bundle) await writeBundle(join(staging, BUNDLE_DIR), bundle)
    if (ctx.targetState === 'non-empty' || ctx.targetState === 'git-only') {
      await swapIn(staging, ctx.target, [...ctx.project.files.keys(), ...(bundle ? [BUNDLE_DIR] : [])])
    } else {
      if (ctx.targetState === 'empty') await rmdir(ctx.target)
      await rename(staging, ctx.target)
    }
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined)
  }
}

async function swapIn(staging: string, target: string, entries: readonly string[]): Promise<void> {
  const backup = sibling(target, 'previous')
  const moved: { dest: string; old: string; had: boolean }[] = []
  try {
    for (const entry of entries) {
      const parts = entry.split('/')
      const dest = join(target, ...parts)
      const old = join(backup, ...parts)
      await mkdir(dirname(dest), { recursive: true })
      const had = await exists(dest)
      if (had) {
        await mkdir(dirname(old), { recursive: true })
        await rename(dest, old)
      }
      moved.push({ dest, old, had })
      await rename(join(staging, ...parts), dest)
    }
  } catch (error) {
    for (const { dest, old, had } of moved.reverse()) {
      await rm(dest, { recursive: true, force: true })
      if (had) await rename(old, dest)
    }
    throw error
  } finally {
    await rm(backup, { recursive: true, force: true }).catch(() => undefined)
  }
}
