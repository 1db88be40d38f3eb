import { resolve } from 'node:path'
import { useColor } from '../../cli/color'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { type RenderOptions, renderFromConfig } from '../render'
import { colorPatch } from './color'

/** Options of `verticals diff`. */
export interface DiffCommandOptions extends CommandIo, RenderOptions {
  /** The bundle directory to compare with. */
  out: string
  json?: boolean
}

/**
 * Prints the unified diff of what `generate` would change in --out (coloured on a TTY unless
 * NO_COLOR is set); writes nothing and returns 0 (use `check` for a failing exit code).
 */
export async function diffCommand(options: DiffCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const result = await renderFromConfig(options, io)
  const { diffBundle } = await import('../../engine/diff-bundle')
  const diffs = await diffBundle(resolve(io.cwd, options.out), result)
  if (options.json) {
    printJson(io.stdout, { outDir: options.out, files: diffs })
    return 0
  }
  const color = useColor(io.stdout, io.env)
  for (const d of diffs) io.stdout.write(color ? colorPatch(d.patch) : d.patch)
  println(
    io.stderr,
    diffs.length === 0 ? `no differences: ${options.out} is up to date.` : `${diffs.length} file(s) differ.`,
  )
  return 0
}
