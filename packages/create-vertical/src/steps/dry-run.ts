import { projectChanges } from '../changes'
import type { Context } from '../context'

/**
 * --dry-run: into a new or empty directory, lists every file it would write; over an existing
 * project (--force), prints the unified diff of what would change. Writes nothing.
 */
export async function dryRun(
  ctx: Pick<Context, 'dir' | 'target' | 'targetState' | 'project' | 'stdout' | 'stderr' | 'upgrade'>,
): Promise<void> {
  if (ctx.targetState !== 'non-empty') {
    ctx.stdout(`${ctx.project.paths.join('\n')}\n`)
    ctx.stderr(
      `dry run: would create ${ctx.project.paths.length} files in ${ctx.dir}; nothing was written.\n`,
    )
    return
  }
  const changes = await projectChanges(ctx.target, ctx.project)
  ctx.stdout(changes.map((c) => c.patch).join(''))
  const count = (status: string) => changes.filter((c) => c.status === status).length
  const summary =
    changes.length === 0
      ? `${ctx.dir} is up to date with this version of create-vertical`
      : `${count('added')} added, ${count('modified')} modified, ${count('removed')} removed`
  const merged = ctx.upgrade ? ` (merged into your files from create-vertical ${ctx.upgrade.from})` : ''
  ctx.stderr(`dry run: ${summary}${merged}; nothing was written.\n`)
}
