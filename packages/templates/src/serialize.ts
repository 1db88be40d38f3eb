import { stringify } from 'yaml'
import { type CommentSyntax, generatedHeader } from './header'

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

/** One or more YAML documents with the generated-file header; keys keep the order the builder gave. */
export function toYaml(documents: readonly unknown[], header: CommentSyntax | null = 'hash'): string {
  const body = documents
    .map((doc) =>
      stringify(doc, {
        lineWidth: 0,
        aliasDuplicateObjects: false,
        defaultStringType: 'PLAIN',
        singleQuote: false,
      }),
    )
    .join('---\n')
  return `${header ? generatedHeader(header) : ''}${body}`
}

/** Stable JSON: sorted keys, two-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`
}

/** Normalizes line endings and guarantees exactly one trailing newline. */
export function finalizeText(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/\n*$/, '')}\n`
}
