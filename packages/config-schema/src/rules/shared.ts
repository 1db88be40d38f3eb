import type { DiagnosticCode } from '../diagnostics'
import type { ResolvedPlatform } from '../resolved'
import type { PlatformConfig } from '../schema/platform'
import { didYouMean } from '../suggest'

/** A cross-field problem, located by the config path that best explains it. */
export interface RuleFinding {
  code: DiagnosticCode
  severity: 'error' | 'warning'
  path: (string | number)[]
  message: string
  /** Point at the key of the last path segment (a name that is wrong) instead of its value. */
  at?: 'key' | 'value'
}

/** A rule reads the schema-valid config (for paths the user wrote) and the resolved platform (for values). */
export type Rule = (config: PlatformConfig, platform: ResolvedPlatform) => RuleFinding[]

/** An error finding. */
export const err = (code: DiagnosticCode, path: (string | number)[], message: string): RuleFinding => ({
  code,
  severity: 'error',
  path,
  message,
})

/** Seconds in the largest unit that divides them exactly, the way a user would write them back. */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return '0s'
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`
  if (seconds % 3600 === 0) return `${seconds / 3600}h`
  if (seconds % 60 === 0) return `${seconds / 60}m`
  return `${seconds}s`
}

/** Checks that `name` is declared, with a did-you-mean when it is close to a declared name. */
export function reference(
  path: (string | number)[],
  kind: string,
  name: string,
  known: readonly string[],
  at: 'key' | 'value' = 'value',
): RuleFinding[] {
  if (known.includes(name)) return []
  const guess = didYouMean(name, known)
  const hint = guess ? ` (did you mean "${guess}"?)` : `; declared: ${known.join(', ') || 'none'}`
  return [{ ...err('UNKNOWN_REFERENCE', path, `${kind} "${name}" is not declared${hint}`), at }]
}
