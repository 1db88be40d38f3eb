import { Lexer } from 'marked'
import { GENERATED_NOTICE } from '../header'

// Markdown checks with a real CommonMark/GFM lexer (marked): what structure a document has, and
// whether it holds anything the compliance templates never write (raw HTML, ragged tables).

/** The structure of a Markdown document, as a GFM renderer sees it. */
export interface MarkdownStructure {
  /** `depth text` of each heading, in order. */
  readonly headings: string[]
  /** For each table: its column count and number of body rows. */
  readonly tables: { columns: number; rows: number }[]
  readonly links: number
  readonly images: number
  readonly codeBlocks: number
  readonly listItems: number
  readonly blockquotes: number
  /** Raw text of each HTML token (block or inline). */
  readonly html: string[]
}

interface LexToken {
  type: string
  raw?: string
  text?: string
  href?: string
  depth?: number
  tokens?: LexToken[]
  items?: LexToken[]
  header?: { tokens: LexToken[] }[]
  rows?: { tokens: LexToken[] }[][]
}

/** Every token of a document, depth first, including those inside lists, quotes and table cells. */
export function lexTokens(text: string): LexToken[] {
  const out: LexToken[] = []
  const visit = (tokens: readonly LexToken[] | undefined): void => {
    for (const token of tokens ?? []) {
      out.push(token)
      visit(token.tokens)
      visit(token.items)
      for (const cell of token.header ?? []) visit(cell.tokens)
      for (const row of token.rows ?? []) for (const cell of row) visit(cell.tokens)
    }
  }
  visit(Lexer.lex(text, { gfm: true }) as unknown as LexToken[])
  return out
}

/** Headings, tables, links, HTML and other structure of a document. */
export function markdownStructure(text: string): MarkdownStructure {
  const tokens = lexTokens(text)
  const count = (type: string) => tokens.filter((t) => t.type === type).length
  return {
    headings: tokens.filter((t) => t.type === 'heading').map((t) => `${t.depth} ${t.text}`),
    tables: tokens
      .filter((t) => t.type === 'table')
      .map((t) => ({ columns: t.header?.length ?? 0, rows: t.rows?.length ?? 0 })),
    links: count('link'),
    images: count('image'),
    codeBlocks: count('code'),
    listItems: count('list_item'),
    blockquotes: count('blockquote'),
    html: tokens.filter((t) => t.type === 'html').map((t) => (t.raw ?? '').trim()),
  }
}

/** Cell separators in a table line: `|` not escaped by an odd run of backslashes. */
export function unescapedPipes(line: string): number {
  let pipes = 0
  let backslashes = 0
  for (const char of line) {
    if (char === '|' && backslashes % 2 === 0) pipes += 1
    backslashes = char === '\\' ? backslashes + 1 : 0
  }
  return pipes
}

// Browsers drop control characters and white space (even inside "java\tscript:") before they read a scheme.
const unsafeUrl = (href: string) =>
  /^(javascript|vbscript|data|file):/i.test([...href].filter((c) => c.charCodeAt(0) > 0x20).join(''))
const ANCHOR = /^<a id="[a-z0-9]+(-[a-z0-9]+)*">$/
const ALLOWED_HTML = (raw: string) =>
  ANCHOR.test(raw) || raw === '</a>' || raw === `<!-- ${GENERATED_NOTICE} -->`

/**
 * Problems of a generated Markdown document: a table whose lines differ in column count (a renderer
 * would silently drop or pad cells), raw HTML other than `<a id>` anchors and the generated header,
 * an anchor id used twice, and a link or image whose target is a script or data URL (an overriding
 * template may link to a wiki, never run code).
 */
export function lintMarkdown(text: string): string[] {
  const problems: string[] = []
  const tokens = lexTokens(text)
  for (const table of tokens.filter((t) => t.type === 'table')) {
    const lines = (table.raw ?? '').split('\n').filter((line) => line.trim() !== '')
    const expected = unescapedPipes(lines[0] ?? '')
    for (const line of lines)
      if (unescapedPipes(line) !== expected)
        problems.push(
          `table row has ${unescapedPipes(line)} cell separators, its header ${expected}: ${line}`,
        )
  }
  const html = tokens.filter((t) => t.type === 'html').map((t) => (t.raw ?? '').trim())
  for (const raw of html) if (!ALLOWED_HTML(raw)) problems.push(`raw HTML is not allowed: ${raw}`)
  const ids = html.filter((raw) => ANCHOR.test(raw))
  for (const id of new Set(ids))
    if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`anchor used twice: ${id}`)
  for (const t of tokens)
    if ((t.type === 'link' || t.type === 'image') && unsafeUrl(t.href ?? ''))
      problems.push(`${t.type} to a script or data URL: ${t.raw}`)
  return problems
}
