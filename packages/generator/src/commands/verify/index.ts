import { resolve } from 'node:path'
import { verifyBundleDir } from '../../npm/verify-dir'
import { type CommandIo, printJson, println, resolveIo } from '../io'

/** Options of `verticals verify`. */
export interface VerifyCommandOptions extends CommandIo {
  /** An installed bundle package (node_modules/<name>) or a fetched version directory. */
  dir: string
  json?: boolean
}

/**
 * Checks every file of an installed bundle package or fetched version against its manifest.json.
 * Returns 0 when intact, 1 when any file is modified, missing or extra (each listed on stdout).
 */
export async function verifyCommand(options: VerifyCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const result = await verifyBundleDir(resolve(io.cwd, options.dir))
  const what = `${result.name ?? result.vertical} ${result.version}`
  if (options.json) printJson(io.stdout, { dir: options.dir, ok: result.problems.length === 0, ...result })
  else if (result.problems.length === 0)
    println(io.stdout, `${what}: ${result.files} file(s) match manifest.json (${options.dir}).`)
  else for (const p of result.problems) println(io.stdout, `${p.problem.padEnd(8)}  ${options.dir}/${p.path}`)
  if (result.problems.length === 0) return 0
  println(
    io.stderr,
    `${what} in ${options.dir} does not match its manifest.json (${result.problems.length} file(s)). ` +
      'Reinstall it (`npm ci`) or fetch it again; never edit a bundle by hand.',
  )
  return 1
}
