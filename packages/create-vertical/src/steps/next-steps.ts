import { relative } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'

/** Tells the user what was written and the two commands to run next. */
export function nextSteps(ctx: Pick<Context, 'cwd' | 'target' | 'vertical' | 'project' | 'stdout'>): void {
  const where = relative(ctx.cwd, ctx.target) || '.'
  ctx.stdout(
    [
      `Created a ${ctx.vertical} service in ${where} (${ctx.project.paths.length} files).`,
      '',
      'Next:',
      ...(where === '.' ? [] : [`  cd ${where}`]),
      '  npm install',
      '  npm test        # needs PostgreSQL and Redis (VERTICALS_DATABASE_URL, VERTICALS_REDIS_URL; see dev.env)',
      '',
      'Change platform.yaml, then `npx verticals generate platform.yaml --out bundle` and commit both.',
      '',
    ].join('\n'),
  )
}

/** Ends the run: next steps after a new scaffold, or how an upgrade went; exit 1 on conflicts. */
export function finish(
  ctx: Pick<Context, 'cwd' | 'target' | 'vertical' | 'project' | 'stdout' | 'stderr' | 'upgrade' | 'options'>,
): void {
  const outcome = ctx.upgrade
  if (!outcome) {
    if (!ctx.options.dryRun) nextSteps(ctx)
    return
  }
  for (const note of outcome.notes) ctx.stderr(`note: ${note}\n`)
  const where = relative(ctx.cwd, ctx.target) || '.'
  const written = ctx.options.dryRun ? 'nothing was written' : 'the merge was written'
  if (outcome.conflicts.length > 0) {
    const bundle = ctx.project.bundle
      ? ''
      : ' The bundle was left as it was, since platform.yaml is among them.'
    throw new PlatformError(
      'MERGE_CONFLICT',
      `upgrading ${where} from create-vertical ${outcome.from}: ${outcome.conflicts.length} file(s) changed both here and in the template: ${outcome.conflicts.join(', ')}; ${written}.${ctx.options.dryRun ? '' : bundle}`,
      {
        hint: ctx.options.dryRun
          ? 'Run it without --dry-run to write the merge; each conflict is then marked <<<<<<< yours ... >>>>>>> in the file.'
          : 'Edit each file between <<<<<<< and >>>>>>> (yours, the old template, the new one), then `npx verticals generate platform.yaml --out bundle` and `npm test`.',
      },
    )
  }
  if (!ctx.options.dryRun) {
    ctx.stdout(
      `Upgraded ${where} from create-vertical ${outcome.from}: the template's changes are merged into your files.\nNext: npm install && npm test, then commit.\n`,
    )
  }
}
