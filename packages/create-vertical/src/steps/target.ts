import { readdir, stat } from 'node:fs/promises'
import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'

/** Looks at the target directory; refuses a non-empty one unless --force. */
export async function checkTarget(
  ctx: Pick<Context, 'options' | 'dir' | 'target' | 'targetState'>,
): Promise<void> {
  ctx.targetState = await stateOf(ctx.target, ctx.dir)
  if (ctx.targetState === 'non-empty' && !ctx.options.force) {
    throw new PlatformError('OUTPUT_NOT_OURS', `${ctx.dir} is not empty; nothing was written`, {
      hint: 'Choose a new directory, or pass --force to replace the files create-vertical writes (add --dry-run first to see the diff). Other files are left alone.',
    })
  }
}

async function stateOf(target: string, dir: string): Promise<Context['targetState']> {
  try {
    const info = await stat(target)
    if (!info.isDirectory()) {
      throw new PlatformError('OUTPUT_NOT_OURS', `${dir} exists and is not a directory; nothing was written`)
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  const entries = await readdir(target)
  if (entries.length === 0) return 'empty'
  return entries.every((name) => name === '.git') ? 'git-only' : 'non-empty'
}
