import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import type { Diagnostic } from '../diagnostics'
import { parse } from '../parse'
import type { ResolvedPlatform } from '../resolved'

// Test helpers: the two example configs, and edits of them made through the YAML document so that
// comments and layout (and therefore line numbers elsewhere) stay as the user wrote them.

const root = fileURLToPath(new URL('../../../../', import.meta.url))

/** Path of the four-vertical example. */
export const ARGENTINA_PATH = `${root}examples/argentina-marketplace/platform.yaml`
/** Path of the barber-only example. */
export const BARBER_PATH = `${root}apps/example-barber/platform.yaml`

/** The text of the four-vertical example. */
export const argentinaText = (): string => readFileSync(ARGENTINA_PATH, 'utf8')
/** The text of the barber-only example. */
export const barberText = (): string => readFileSync(BARBER_PATH, 'utf8')

/** One change: set `path` to `value`, or delete it when value is undefined. */
export type Edit = [path: (string | number)[], value: unknown]

/** Applies edits to YAML text; values are YAML nodes built from plain JS values. */
export function edit(text: string, ...edits: Edit[]): string {
  const doc = parseDocument(text)
  for (const [path, value] of edits) {
    if (value === undefined) doc.deleteIn(path)
    else doc.setIn(path, doc.createNode(value, { flow: typeof value === 'object' }))
  }
  return doc.toString({ lineWidth: 0 })
}

/** Resolves a config text that must be valid, failing with its diagnostics otherwise. */
export function resolveText(text: string): ResolvedPlatform {
  const result = parse(text, 'platform.yaml')
  if (!result.ok)
    throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'))
  return result.platform
}

/** The diagnostics of a config text that must be invalid. */
export function diagnosticsOf(text: string): Diagnostic[] {
  const result = parse(text, 'platform.yaml')
  if (result.ok) throw new Error('expected the config to be invalid, but it parsed')
  return result.diagnostics
}

/** The errors of the example after edits, as `code path` strings, for compact assertions. */
export function errorsAfter(...edits: Edit[]): string[] {
  const result = parse(edit(argentinaText(), ...edits), 'platform.yaml')
  if (result.ok) return []
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path}`)
}
