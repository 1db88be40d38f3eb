import { type Document, type LineCounter, Parser } from 'yaml'
import { type Diagnostic, sortDiagnostics } from './diagnostics'

/** Where an unterminated quoted scalar opens: the yaml library reports where the file ran out instead. */
function openingQuote(text: string): number | undefined {
  let found: number | undefined
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return
    const token = node as { type?: string; source?: string; offset?: number }
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && token.source) {
      const quote = token.source[0] as string
      const closed = token.source.length > 1 && token.source.endsWith(quote)
      if (!closed) found = token.offset
    }
    for (const child of Object.values(node)) walk(child)
  }
  for (const token of new Parser().parse(text)) walk(token)
  return found
}

/**
 * Turns the yaml library's errors into one-line diagnostics. Its messages end with the position and a
 * code excerpt spread over lines; the position is already in the diagnostic, so both are cut.
 */
export function yamlSyntaxDiagnostics(
  doc: Document,
  lines: LineCounter,
  text: string,
  file: string,
): Diagnostic[] {
  return sortDiagnostics(
    doc.errors.map((error) => {
      let pos = error.linePos?.[0] ?? { line: 1, col: 1 }
      let message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')
      if (error.code === 'MISSING_CHAR' && /quote/.test(message)) {
        const offset = openingQuote(text)
        if (offset !== undefined) pos = lines.linePos(offset)
        message = `${message}: the quoted string that starts here never ends`
      }
      if (error.code === 'TAB_AS_INDENT') message = `${message}: indent with spaces`
      return {
        code: 'YAML_SYNTAX',
        severity: 'error',
        file,
        line: pos.line,
        column: pos.col,
        path: '',
        message,
      }
    }),
  )
}
