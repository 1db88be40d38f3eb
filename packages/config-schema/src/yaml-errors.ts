import type { Document, LineCounter, YAMLError } from 'yaml'
import { type Diagnostic, formatPath, sortDiagnostics } from './diagnostics'
import { yamlLibrary } from './yaml-library'
import { duplicateKey, unresolvedAlias } from './yaml-nodes'
import { type OutlineLine, outlineYaml } from './yaml-outline'

/** Where a syntax problem is and what to say about it. */
interface Explained {
  readonly line: number
  readonly column: number
  readonly path: readonly PropertyKey[]
  readonly message: string
}

// Errors that stand on their own. Any other error leaves the parser lost for the rest of the
// file, so only the first of those is worth reporting: the others are usually its echoes.
const INDEPENDENT = new Set(['DUPLICATE_KEY', 'BAD_SCALAR_START', 'TAB_AS_INDENT'])

/** The first CST token of `type` that `unclosed` says was left open, and its offset. */
function firstUnclosed(
  text: string,
  unclosed: (token: Record<string, unknown>) => boolean,
): number | undefined {
  let found: number | undefined
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return
    const token = node as Record<string, unknown>
    if (unclosed(token)) found = token.offset as number
    for (const child of Object.values(node)) walk(child)
  }
  for (const token of new (yamlLibrary().Parser)().parse(text)) walk(token)
  return found
}

const quoteLeftOpen = (token: Record<string, unknown>) => {
  const source = token.source as string | undefined
  if ((token.type !== 'double-quoted-scalar' && token.type !== 'single-quoted-scalar') || !source)
    return false
  return !(source.length > 1 && source.endsWith(source[0] as string))
}
const flowLeftOpen = (token: Record<string, unknown>) =>
  token.type === 'flow-collection' &&
  !(token.end as { type: string }[]).some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')

/** The library's message without the position and code excerpt it appends. */
const bare = (error: YAMLError) =>
  (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')

/** Rewrites one library error as a message that says what to change, at the place to change it. */
function explain(error: YAMLError, doc: Document, lines: LineCounter, text: string, outline: OutlineLine[]) {
  const pos = lines.linePos(error.pos[0])
  const lineAt = (n: number) => outline.filter((l) => l.line <= n).at(-1)
  const at = (offset: number, message: string): Explained => {
    const { line, col } = lines.linePos(offset)
    return { line, column: col, path: lineAt(line)?.path ?? [], message }
  }
  const quoteOrFlow = /quote|Flow (map|sequence)/.test(error.message)
  if (error.code === 'TAB_AS_INDENT') {
    return at(
      error.pos[0],
      'a tab indents this line: YAML indents with spaces only, so replace the tab with spaces',
    )
  }
  if (error.code === 'DUPLICATE_KEY') {
    const duplicate = duplicateKey(doc, lines, error.pos[0])
    if (duplicate) {
      const { key, first } = duplicate
      const message = `duplicate key "${key}": it is already defined at line ${first.line}, column ${first.column}, and a mapping holds each key once`
      return { ...at(error.pos[0], message), path: duplicate.path }
    }
  }
  if (quoteOrFlow && /quote/.test(error.message)) {
    const quote = /closing (["'])/.exec(error.message)?.[1] ?? '"'
    const message = `the quoted text that starts here never ends: close it with ${quote}`
    return at(firstUnclosed(text, quoteLeftOpen) ?? error.pos[0], message)
  }
  if (quoteOrFlow) {
    const offset = firstUnclosed(text, flowLeftOpen)
    const [open, close] = /Flow map/.test(error.message) ? ['{', '}'] : ['[', ']']
    return at(offset ?? error.pos[0], `the "${open}" that opens here is never closed with "${close}"`)
  }
  const misplaced = outline.find((l) => l.mistake && Math.abs(l.line - pos.line) <= 1)
  if (misplaced) {
    const subject = misplaced.key === undefined ? 'this line' : `"${misplaced.key}"`
    return {
      line: misplaced.line,
      column: misplaced.column,
      path: misplaced.path,
      message: `${subject} ${misplaced.mistake}`,
    }
  }
  const content = text.split(/\r?\n/)[pos.line - 1] ?? ''
  if (error.code === 'BAD_SCALAR_START') {
    const char = content[pos.col - 1] ?? ''
    return at(error.pos[0], `a plain value cannot start with "${char}": put the value in quotes`)
  }
  if (error.code === 'MULTILINE_IMPLICIT_KEY' && !/:(\s|$)/.test(content)) {
    return at(error.pos[0], `"${content.trim()}" is not "key: value": is the colon after the key missing?`)
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const message =
      'a second "key:" on one line: a value here cannot start a nested mapping; quote the value, or put the inner key on its own, indented line'
    return at(error.pos[0], message)
  }
  // The library reports some errors at the start of the line; the offending text starts after the spaces.
  const indent = /^ */.exec(content)?.[0].length ?? 0
  return at(pos.col === 1 && indent > 0 ? error.pos[0] + indent : error.pos[0], bare(error))
}

/**
 * Turns the yaml library's errors into one diagnostic per mistake, each at the place to change, with
 * the config path of the line and a message that says what to do.
 */
export function yamlSyntaxDiagnostics(
  doc: Document,
  lines: LineCounter,
  text: string,
  file: string,
): Diagnostic[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT')
  const standalone = errors.filter((e) => INDEPENDENT.has(e.code) && e.code !== 'TAB_AS_INDENT')
  const lost = errors.filter((e) => !INDEPENDENT.has(e.code))
  // A tab throws the indentation of everything after it: report the tabs and what comes before them.
  const chosen =
    tabs.length > 0
      ? [...standalone.filter((e) => e.pos[0] < tabs[0]!.pos[0]), ...tabs]
      : [...standalone, ...lost.slice(0, 1)]
  const outline = outlineYaml(text)
  const seen = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const error of chosen) {
    const e = explain(error, doc, lines, text, outline)
    const where = `${e.line}:${e.column}`
    if (seen.has(where)) continue
    seen.add(where)
    diagnostics.push(syntaxDiagnostic(file, e))
  }
  return sortDiagnostics(diagnostics)
}

function syntaxDiagnostic(file: string, e: Explained): Diagnostic {
  return {
    code: 'YAML_SYNTAX',
    severity: 'error',
    file,
    line: e.line,
    column: e.column,
    path: formatPath(e.path),
    message: e.message,
  }
}

/** The diagnostic of an alias (`*name`) that names no anchor, or undefined if there is none. */
export function aliasDiagnostic(
  doc: Document,
  lines: LineCounter,
  text: string,
  file: string,
): Diagnostic | undefined {
  const alias = unresolvedAlias(doc, lines)
  if (!alias) return undefined
  const path =
    outlineYaml(text)
      .filter((l) => l.line <= alias.line)
      .at(-1)?.path ?? []
  const message = `*${alias.name} refers to no anchor: mark an earlier value with &${alias.name}, or write the value here`
  return syntaxDiagnostic(file, { line: alias.line, column: alias.column, path, message })
}
