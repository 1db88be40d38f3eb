import { readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Staging directories older than this belong to a run that was killed, not to one in progress. */
const STALE_MS = 60 * 60 * 1000

/** The hidden sibling names writeBundle uses for `target`. */
export const siblingPrefix = (target: string, role: 'staging' | 'previous'): string =>
  `.${basename(target)}.verticals-${role}-`

/**
 * Repairs what a killed run (SIGKILL, power loss) may have left beside `target`: if the process
 * died between moving the old bundle aside and moving the new one in, the old bundle is put back;
 * staging directories older than an hour are deleted. Fresh ones may belong to a run in progress.
 */
export async function recoverInterruptedWrite(target: string): Promise<void> {
  const parent = dirname(target)
  let names: string[]
  try {
    names = await readdir(parent)
  } catch {
    return
  }
  const previous = names.filter((n) => n.startsWith(siblingPrefix(target, 'previous'))).sort()
  const targetExists = await stat(target).then(
    () => true,
    () => false,
  )
  if (!targetExists && previous.length === 1) await rename(join(parent, previous[0]!), target)
  for (const name of names.filter((n) => n.startsWith(siblingPrefix(target, 'staging')))) {
    const full = join(parent, name)
    const age = Date.now() - (await stat(full)).mtimeMs
    if (age > STALE_MS) await rm(full, { recursive: true, force: true })
  }
}
