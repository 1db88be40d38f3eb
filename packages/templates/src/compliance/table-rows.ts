import { lexTokens, unescapedPipes } from './markdown-lint'

// Test support: the cells of Markdown tables as written (escaped), to find a row by its first cell.

function splitCells(line: string): string[] {
  const cells: string[] = []
  let current = ''
  let backslashes = 0
  for (const char of line) {
    if (char === '|' && backslashes % 2 === 0) {
      cells.push(current.trim())
      current = ''
    } else current += char
    backslashes = char === '\\' ? backslashes + 1 : 0
  }
  cells.push(current.trim())
  return cells.slice(1, -1)
}

/** Every body row of every table (delimiter rows left out), as lists of raw cells. */
export function tableRows(text: string): string[][] {
  return lexTokens(text)
    .filter((t) => t.type === 'table')
    .flatMap((t) => (t.raw ?? '').split('\n').filter((line) => unescapedPipes(line) > 0))
    .filter((line) => !/^\|(\s*:?-+:?\s*\|)+$/.test(line))
    .map(splitCells)
}

/** The rows whose first cells equal `first` (raw, escaped text), failing when there is none. */
export function rowsStartingWith(text: string, ...first: string[]): string[][] {
  const rows = tableRows(text).filter((cells) => first.every((value, i) => cells[i] === value))
  if (rows.length === 0) throw new Error(`no table row starts with ${first.join(' | ')}`)
  return rows
}
