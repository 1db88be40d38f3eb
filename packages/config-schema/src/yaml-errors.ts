import { type Document, type LineCounter, Parser, visit } from 'yaml'
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
      // The library reports some errors at the start of the line; the offending text starts after the spaces.
      const indent = /^ */.exec(text.split('\n')[pos.line - 1] ?? '')?.[0].length ?? 0
      if (pos.col === 1 && indent > 0) pos = { line: pos.line, col: indent + 1 }
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

/** Where the first alias that names no anchor (`*nope`) is, if there is one. */
export function unresolvedAlias(
  doc: Document,
  lines: LineCounter,
): { line: number; column: number } | undefined {
  let offset: number | undefined
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined
      offset = node.range?.[0]
      return visit.BREAK
    },
  })
  if (offset === undefined) return undefined
  const { line, col } = lines.linePos(offset)
  return { line, column: col }
}
