import { formatDiagnostic, isPlatformError } from '@verticals/config-schema/diagnostics'
import { type Output, printJson, println } from '../commands/io'
import { GENERATOR_VERSION } from '../version'
import { UsageError } from './usage-error'

/** Exit codes of the CLI, a contract with scripts (ARCHITECTURE.md). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0] ?? ''
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error
  )
}

/**
 * Turns anything a command threw into text and an exit code: usage errors 2, expected failures
 * (PlatformError) 1 with their diagnostics and hint, anything else 2 with a bug-report hint and no
 * stack trace unless VERTICALS_DEBUG=1.
 */
export function reportError(
  error: unknown,
  io: { stdout: Output; stderr: Output; env: Readonly<Record<string, string | undefined>> },
  options: { json?: boolean } = {},
): number {
  // With --json, every failure also leaves one error object on stdout, so a script never parses text.
  const json = (code: string, message: string, hint: string | null, diagnostics: unknown[] = []) => {
    if (options.json) printJson(io.stdout, { error: { code, message, hint, diagnostics } })
  }
  if (error instanceof UsageError) {
    println(io.stderr, `verticals: ${error.message}`)
    const help = `Run \`${error.command ? `verticals ${error.command} --help` : 'verticals --help'}\` for usage.`
    println(io.stderr, help)
    json('USAGE', error.message, help)
    return EXIT.usage
  }
  if (isPlatformError(error)) {
    for (const d of error.diagnostics) println(io.stderr, formatDiagnostic(d))
    println(io.stderr, error.message)
    if (error.hint) println(io.stderr, `hint: ${error.hint}`)
    json(error.code, error.message, error.hint ?? null, [...error.diagnostics])
    return EXIT.failed
  }
  if (isSystemError(error)) {
    // The filesystem or OS refused (ENOSPC, EACCES, ENOTDIR...): not a bug, but not expected either.
    const hint = 'check the paths, permissions and free space, then run the command again.'
    println(io.stderr, `verticals: ${oneLine(error)}`)
    println(io.stderr, `hint: ${hint}`)
    json(error.code ?? 'SYSTEM', oneLine(error), hint)
    return EXIT.usage
  }
  println(io.stderr, `verticals: unexpected error: ${oneLine(error)}`)
  const report =
    `This is a bug in verticals ${GENERATOR_VERSION}. Please report it with the command you ran and your ` +
    'platform.yaml (redacted); set VERTICALS_DEBUG=1 to include the stack trace.'
  if (io.env.VERTICALS_DEBUG === '1' && error instanceof Error && error.stack) println(io.stderr, error.stack)
  else println(io.stderr, report)
  json('UNEXPECTED', oneLine(error), report)
  return EXIT.usage
}
