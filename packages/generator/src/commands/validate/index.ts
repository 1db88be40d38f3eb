import { formatDiagnostic, parse } from '@verticals/config-schema'
import { readConfigBytes } from '../../engine/load-config'
import { type CommandIo, printJson, println, resolveIo } from '../io'

/** Options of `verticals validate`. */
export interface ValidateCommandOptions extends CommandIo {
  /** Path of the config as the user typed it. */
  config: string
  json?: boolean
}

/**
 * Parses, validates and resolves a config. Diagnostics go to stderr as `file:line:col  path  message`
 * (or to stdout as JSON); returns 0 when valid, 1 when not.
 */
export async function validateCommand(options: ValidateCommandOptions): Promise<number> {
  const io = resolveIo(options)
  const bytes = await readConfigBytes(options.config, io.cwd)
  const result = parse(bytes.toString('utf8'), options.config)
  const diagnostics = result.ok ? result.warnings : result.diagnostics
  if (options.json) {
    const verticals = result.ok ? enabledVerticals(result.platform.verticals) : []
    printJson(io.stdout, { valid: result.ok, file: options.config, verticals, diagnostics })
    return result.ok ? 0 : 1
  }
  for (const d of diagnostics) println(io.stderr, formatDiagnostic(d))
  if (!result.ok) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    println(io.stderr, `${options.config}: ${errors} error(s); fix them from the top, each line says where.`)
    return 1
  }
  const names = enabledVerticals(result.platform.verticals)
  println(io.stdout, `${options.config} is valid: ${names.length} vertical(s) enabled (${names.join(', ')}).`)
  return 0
}

function enabledVerticals(verticals: Readonly<Record<string, { readonly enabled: boolean }>>): string[] {
  return Object.entries(verticals)
    .filter(([, v]) => v.enabled)
    .map(([name]) => name)
}
