import type { Output } from '../commands/io'

/**
 * Whether a command may colour what it writes to `out`: never with NO_COLOR (https://no-color.org),
 * always with FORCE_COLOR (but not FORCE_COLOR=0), otherwise only on a terminal. Every command that
 * colours asks this, so a log file or a pipe never gets escape codes.
 */
export function useColor(out: Output, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true
  return out.isTTY === true
}
