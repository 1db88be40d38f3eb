import { resolve } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import type { Context } from '../context'
import { RECORD_FILE, readRecord } from '../record'

/**
 * Over an existing scaffold (--upgrade, or --force where it has a record) takes the answers it was
 * made with from its record, so an upgrade renders the same project, only newer.
 */
export async function recall(ctx: Pick<Context, 'cwd' | 'options' | 'record'>): Promise<void> {
  const { options } = ctx
  const dir = options.dir ?? (options.upgrade ? '.' : undefined)
  if ((!options.upgrade && !options.force) || dir === undefined) return
  const record = await readRecord(resolve(ctx.cwd, dir))
  if (record === undefined) {
    if (!options.upgrade) return
    throw new PlatformError(
      'OUTPUT_NOT_OURS',
      `${dir} has no ${RECORD_FILE}, so there is no telling which create-vertical and answers made it; nothing was written`,
      {
        hint: 'Run it in a directory create-vertical made; for an older scaffold, review `--force --dry-run`, which replaces the files the template owns.',
      },
    )
  }
  for (const field of ['vertical', 'name', 'region'] as const) {
    const given = options[field]
    if (given !== undefined && given !== record[field]) {
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `--${field} ${given} differs from "${record[field]}", which ${dir} was made with; an upgrade keeps the answers in ${RECORD_FILE}`,
      )
    }
  }
  const { vertical, name, region } = record
  ctx.options = { ...options, dir, vertical, name, region, force: true, upgrade: true }
  ctx.record = record
}
