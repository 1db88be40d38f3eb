import type { RawRow } from './entry-rows'

// COPY ... TO STDOUT (text format) writes a row per line, columns separated by tabs, NULL as \N, and
// backslash escapes for backslash, tab, newline and the other control characters. Each column is the
// type's text output, the same text the driver returns with RAW_TEXT, so decoding is shared.

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }

/** The rows of a block of whole COPY text lines (each ending in a newline). */
export function copyRows(text: string): RawRow[] {
  const rows: RawRow[] = []
  let start = 0
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    rows.push(copyRow(text.slice(start, end)))
    start = end + 1
  }
  return rows
}

/** One COPY text line as its columns. */
export function copyRow(line: string): RawRow {
  const fields: (string | null)[] = line.split('\t')
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as string
    if (field.includes('\\')) fields[i] = field === '\\N' ? null : unescapeCopy(field)
  }
  return fields
}

// COPY TO writes only these escapes (other bytes as they are); a backslash before any other
// character stands for that character.
function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, e: string) => ESCAPES[e] ?? e)
}
