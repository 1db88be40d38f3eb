import { stringify } from 'yaml'
import { type CommentSyntax, generatedHeader } from './header'
import { emitYamlDocument } from './yaml-emit'

/** Recursively sorts object keys so serialized output never depends on insertion order. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key])
    return sorted as T
  }
  return value
}

/** The options every YAML file of a bundle is written with (no folding, plain where possible). */
export const YAML_OPTIONS = {
  lineWidth: 0,
  aliasDuplicateObjects: false,
  defaultStringType: 'PLAIN',
  singleQuote: false,
} as const

/** One or more YAML documents with the generated-file header; keys keep the order the builder gave. */
export function toYaml(documents: readonly unknown[], header: CommentSyntax | null = 'hash'): string {
  // The direct emitter writes what the library would for plain data, in a fraction of the time;
  // anything else (a Map, a Date, a top-level scalar) goes to the library itself.
  const body = documents.map((doc) => emitYamlDocument(doc) ?? stringify(doc, YAML_OPTIONS)).join('---\n')
  return `${header ? generatedHeader(header) : ''}${body}`
}

/** Stable JSON: sorted keys, two-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`
}

/** Normalizes line endings and guarantees exactly one trailing newline. */
export function finalizeText(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  // Trailing newlines are counted from the end: a regex would scan the whole text (a bundle's files
  // are half a megabyte a vertical), and a text that already ends in one newline is returned as is.
  let end = lf.length
  while (end > 0 && lf.charCodeAt(end - 1) === 10) end--
  return end === lf.length - 1 ? lf : `${lf.slice(0, end)}\n`
}
