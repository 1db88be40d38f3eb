// CSV quoted as RFC 4180 says: a field is quoted when it holds a comma, a double quote or a line
// break, and a double quote inside a quoted field is doubled. Records end with LF like every generated
// file (render.ts normalizes line endings; RFC 4180 readers accept LF). The parser reads LF or CRLF;
// the compliance validator and the tests use it to read the CSV back.

const NEEDS_QUOTES = /[",\r\n]/

/** One field, quoted only when RFC 4180 requires it. */
function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Rows (header first) as CSV, every record ended by a line break. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\n`).join('')
}

/** The records of a CSV file; throws on a stray quote or an unterminated quoted field. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let value = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const char = text[i] as string
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        value += '"'
        i += 2
        continue
      }
      if (char === '"') {
        quoted = false
        i++
        if (i < text.length && !/[,\r\n]/.test(text[i] as string))
          throw new Error(`character ${i}: text after a closing quote`)
        continue
      }
      value += char
      i++
      continue
    }
    if (char === '"') {
      if (value !== '') throw new Error(`character ${i}: quote inside an unquoted field`)
      quoted = true
    } else if (char === ',') {
      row.push(value)
      value = ''
    } else if (char === '\n' || (char === '\r' && text[i + 1] === '\n')) {
      row.push(value)
      rows.push(row)
      row = []
      value = ''
      if (char === '\r') i++
    } else if (char === '\r') throw new Error(`character ${i}: a carriage return outside quotes`)
    else value += char
    i++
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (value !== '' || row.length > 0) {
    row.push(value)
    rows.push(row)
  }
  return rows
}
