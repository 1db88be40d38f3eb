import { resolve } from 'node:path'
import type { WriteSummary } from '../../engine/write-bundle'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { assertSafeOutDir } from '../out-dir'
import { type RenderOptions, renderFromConfig } from '../render'

/** Options of `verticals generate`. */
export interface GenerateCommandOptions extends CommandIo, RenderOptions {
  /** The bundle directory, created or replaced atomically. */
  out: string
  /** Replace a non-empty directory that holds no manifest.json of ours. */
  force?: boolean
  /** Run the output validators first and write nothing on any problem. */
  verify?: boolean
  json?: boolean
}

/** Generates the bundle and writes it atomically to --out; returns 0 (failures throw PlatformError). */
export async function generateCommand(options: GenerateCommandOptions): Promise<number> {
  const io = resolveIo(options)
  assertSafeOutDir(options.out, options.config, io.cwd)
  const result = await renderFromConfig(options, io)
  if (options.verify) {
    const { verifyBundle } = await import('../../engine/verify')
    await verifyBundle(result)
    println(io.stderr, `  verified ${result.files.length} file(s) with the output validators`)
  }
  const { writeBundle } = await import('../../engine/write-bundle')
  const summary = await writeBundle(resolve(io.cwd, options.out), result, { force: options.force ?? false })
  if (options.json) printJson(io.stdout, { ...summary, outDir: options.out, verticals: result.verticals })
  else for (const line of describe(summary, options.out)) println(io.stdout, line)
  return 0
}

function describe(summary: WriteSummary, out: string): string[] {
  const { created, changed, unchanged, removed } = summary
  if (summary.written === 0) return [`${out} is up to date (${summary.files} files); nothing written.`]
  const lines = [
    `wrote ${summary.written} files to ${out}: ${created.length} new, ${changed.length} changed, ${unchanged.length} unchanged, ${removed.length} removed.`,
  ]
  for (const path of changed) lines.push(`  changed  ${path}`)
  for (const path of removed) lines.push(`  removed  ${path}`)
  return lines
}
