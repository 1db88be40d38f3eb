import type { Output } from '../commands/io'

/** The warning type our own packages emit (`process.emitWarning(message, 'VerticalsWarning')`). */
export const VERTICALS_WARNING = 'VerticalsWarning'

// Deprecations inside dependencies are for their authors, not for someone running a command.
const DEPENDENCY_NOISE = new Set(['DeprecationWarning', 'ExperimentalWarning'])

/**
 * Replaces Node's warning printer (`(node:123) Warning: ...` plus a `--trace-warnings` line) with one
 * line of ours: `verticals: warning: <message>`. Deprecation and experimental warnings, which come
 * from dependencies, are shown only with VERTICALS_DEBUG=1, with their code.
 */
export function routeWarnings(
  stderr: Output,
  env: Readonly<Record<string, string | undefined>>,
  target: NodeJS.Process = process,
): void {
  target.removeAllListeners('warning')
  target.on('warning', (warning: Error & { code?: string }) => {
    const debug = env.VERTICALS_DEBUG === '1'
    if (DEPENDENCY_NOISE.has(warning.name) && !debug) return
    const code = warning.name === VERTICALS_WARNING || !warning.code ? '' : ` (${warning.code})`
    const message = warning.message.split('\n')[0]
    stderr.write(`verticals: warning: ${message}${code}\n`)
    if (debug && warning.stack) stderr.write(`${warning.stack}\n`)
  })
}
