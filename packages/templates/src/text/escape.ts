// Escapers for the text formats we render. Each makes a config string inert in its target: it can
// never close the literal it sits in, start an interpolation, or add structure the template lacks.

/** An HCL quoted string (or a bare number/boolean), with `${` and `%{` template sequences neutralised. */
export function hclValue(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to HCL`)
    return String(value)
  }
  if (typeof value === 'boolean') return String(value)
  if (typeof value !== 'string')
    throw new Error(`hcl helper expects a string, number or boolean, got ${typeof value}`)
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // Function replacers: in a replacement string `$$` means one `$`, which silently undid this escape.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{')
  return `"${escaped}"`
}

/** An HCL tuple of quoted strings, numbers or booleans: `["AR", "UY"]`. */
export function hclList(values: unknown): string {
  if (!Array.isArray(values)) throw new Error(`hclList helper expects a list, got ${typeof values}`)
  return `[${values.map(hclValue).join(', ')}]`
}

/** An HCL object with quoted keys, so a key from the config can never become an expression: `{ "a" = "b" }`. */
export function hclMap(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('hclMap helper expects an object')
  const entries = Object.entries(value).map(([key, v]) => `${hclValue(key)} = ${hclValue(v)}`)
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
}

/**
 * Inline Markdown text: markup characters are backslash-escaped; runs of white space (line breaks, the
 * indentation of a code block, a trailing hard break) become one space. `:` and
 * `=` are escaped too, so a value can neither become a GFM autolink (`https://…`) nor underline the line
 * above into a setext heading; `&` is escaped so an entity prints as typed.
 */
export function markdownInline(value: unknown): string {
  if (value === null || value === undefined) return ''
  return String(value)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|~>:=]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
}

/** A SQL string literal. */
export function sqlString(value: unknown): string {
  const text = String(value)
  if (text.includes('\u0000')) throw new Error('SQL strings may not contain NUL')
  return `'${text.replace(/'/g, "''")}'`
}

/** A SQL identifier, always quoted. */
export function sqlIdentifier(value: unknown): string {
  const text = String(value)
  if (text.includes('\u0000')) throw new Error('SQL identifiers may not contain NUL')
  return `"${text.replace(/"/g, '""')}"`
}
