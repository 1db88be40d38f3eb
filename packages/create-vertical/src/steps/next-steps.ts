import { relative } from 'node:path'
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
      '  npm test        # needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL)',
      '',
      'Change platform.yaml, then `npx verticals generate platform.yaml --out bundle` and commit both.',
      '',
    ].join('\n'),
  )
}
