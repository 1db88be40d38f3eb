import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatDiagnostic, PlatformError, parse } from '@verticals/config-schema'
import { generate } from '@verticals/generator'
import { baseFiles } from '../base'
import type { Context } from '../context'
import { mergeText } from '../merge'
import { RECORD_FILE } from '../record'
import { ownManifest } from '../versions'

async function readIfExists(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
}

/**
 * Merges the template's change (from what the recorded version wrote to what this version
 * renders) into the files on disk, three ways, so local edits stay; then regenerates the bundle from
 * the merged platform.yaml. Conflicting files get git-style markers and are listed in ctx.upgrade.
 */
export async function upgrade(
  ctx: Pick<Context, 'cwd' | 'options' | 'templateDir' | 'target' | 'record' | 'project' | 'upgrade'>,
): Promise<void> {
  const record = ctx.record!
  const base = await baseFiles(ctx, record)
  const labels = {
    yours: 'yours',
    base: `create-vertical ${record.version}`,
    theirs: `create-vertical ${ownManifest().version}`,
  }
  const merged = new Map<string, string>()
  const conflicts: string[] = []
  const notes: string[] = []
  for (const [path, theirs] of ctx.project.files) {
    const old = base.get(path)
    const yours = await readIfExists(join(ctx.target, ...path.split('/')))
    if (path === RECORD_FILE || yours === theirs || (yours === undefined && old === undefined)) {
      merged.set(path, theirs)
    } else if (yours === undefined) {
      // Deleted here: it stays deleted, unless the template changed it meanwhile.
      if (old === theirs) continue
      merged.set(path, theirs)
      conflicts.push(path)
      notes.push(
        `${path}: you deleted it and the template changed it; it is back, delete it again if you still want it gone`,
      )
    } else {
      const result = mergeText(yours, old ?? '', theirs, labels)
      merged.set(path, result.text)
      if (result.conflicts > 0) conflicts.push(path)
    }
  }
  for (const path of base.keys()) {
    if (!ctx.project.files.has(path)) notes.push(`${path}: no longer part of the template; left as it is`)
  }
  ctx.project.files = merged
  ctx.upgrade = { from: record.version, conflicts, notes }
  if (conflicts.includes('platform.yaml')) {
    ctx.project.bundle = undefined
    return
  }
  const text = merged.get('platform.yaml')!
  const result = parse(text, 'platform.yaml')
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    throw new PlatformError(
      'CONFIG_INVALID',
      `the merged platform.yaml is not valid; nothing was written:\n${errors.map(formatDiagnostic).join('\n')}`,
      {
        diagnostics: result.diagnostics,
        hint: 'Fix platform.yaml as it is now, then run the upgrade again.',
      },
    )
  }
  ctx.project.bundle = generate(result.platform, { source: { file: 'platform.yaml', text } })
}
