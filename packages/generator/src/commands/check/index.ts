import { resolve } from 'node:path'
import { type CommandIo, printJson, println, resolveIo } from '../io'
import { type RenderOptions, renderFromConfig } from '../render'

/** Options of `verticals check`. */
export interface CheckCommandOptions extends CommandIo, RenderOptions {
  /** The committed bundle directory. */
  out: string
  json?: boolean
}

/**
 * Compares a committed bundle with what the config generates, writing nothing. Returns 0 when
 * up to date, 1 when files drifted, are missing or are extra (each listed on stdout).
 */
export async function checkCommand(options: CheckCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const result = await renderFromConfig(options, io)
  const { checkBundle } = await import('../../engine/check-bundle')
  const check = await checkBundle(resolve(io.cwd, options.out), result)
  if (options.json) printJson(io.stdout, { outDir: options.out, ...check })
  else if (check.upToDate) println(io.stdout, `${options.out} is up to date with ${options.config}.`)
  else {
    for (const path of check.drifted) println(io.stdout, `drifted  ${options.out}/${path}`)
    for (const path of check.missing) println(io.stdout, `missing  ${options.out}/${path}`)
    for (const path of check.extra) println(io.stdout, `extra    ${options.out}/${path}`)
  }
  if (check.upToDate) return 0
  const count = check.drifted.length + check.missing.length + check.extra.length
  println(
    io.stderr,
    `${options.out} differs from what ${options.config} generates (${count} file(s)). Generated files are never edited by hand: ` +
      `run \`verticals diff ${options.config} --out ${options.out}\` to see how, and \`verticals generate\` to update it.`,
  )
  return 1
}
