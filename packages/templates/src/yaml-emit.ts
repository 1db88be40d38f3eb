// A direct emitter of block YAML for plain data (objects, arrays, strings, finite and non-finite
// numbers, booleans, null), byte for byte what `stringify` of the yaml library writes with the
// options of toYaml: { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: 'PLAIN',
// singleQuote: false }. The library builds a Document of nodes and asks every scalar's tag in turn;
// for the bundles' data that is most of the generator's time. The scalar rules below are those of
// yaml 2.x's stringifyString (plain, double-quoted and literal block styles; no folding, as lineWidth
// is 0), and yaml-emit.test.ts holds them against the library on the bundles and on a corpus of
// awkward strings. Anything else (a Map, a Date, a class instance, a key over 1024 characters, a
// top-level scalar) returns undefined and the caller asks the library.

/** Thrown inside the emitter when the value needs something the library does that this file does not. */
class Unsupported extends Error {}

const INDENT_STEP = '  '
// The yaml library's doubleQuotedMinMultiLineLength default.
const MIN_MULTILINE_LENGTH = 40

// Characters the library always writes double-quoted: C0/C1 controls (bar tab and newline), DEL and
// lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is its purpose
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u
// What a plain scalar cannot be: see stringifyString's plainString.
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/
// Plain text that would read back as null, a boolean or a number in the YAML 1.2 core schema.
const CORE_SCALARS = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
]
const containsDocumentMarker = (text: string) => /^(%|---|\.\.\.)/m.test(text)
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g

function doubleQuoted(value: string, indentNow: string, implicitKey: boolean): string {
  const json = JSON.stringify(value)
  const indent = indentNow || (containsDocumentMarker(value) ? INDENT_STEP : '')
  let str = ''
  let start = 0
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a newline is escaped, or folding would eat it.
      str += `${json.slice(start, i)}\\ `
      i += 1
      start = i
      ch = '\\'
    }
    if (ch === '\\')
      switch (json[i + 1]) {
        case 'u': {
          str += json.slice(start, i)
          const code = json.substr(i + 2, 4)
          switch (code) {
            case '0000':
              str += '\\0'
              break
            case '0007':
              str += '\\a'
              break
            case '000b':
              str += '\\v'
              break
            case '001b':
              str += '\\e'
              break
            case '0085':
              str += '\\N'
              break
            case '00a0':
              str += '\\_'
              break
            case '2028':
              str += '\\L'
              break
            case '2029':
              str += '\\P'
              break
            default:
              str += code.substr(0, 2) === '00' ? `\\x${code.substr(2)}` : json.substr(i, 6)
          }
          i += 5
          start = i + 1
          break
        }
        case 'n':
          if (implicitKey || json[i + 2] === '"' || json.length < MIN_MULTILINE_LENGTH) {
            i += 1
          } else {
            // A line break inside double quotes: written as an empty line, which folding reads back.
            str += `${json.slice(start, i)}\n\n`
            while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
              str += '\n'
              i += 2
            }
            str += indent
            if (json[i + 2] === ' ') str += '\\'
            i += 1
            start = i + 1
          }
          break
        default:
          i += 1
      }
  }
  return start ? str + json.slice(start) : json
}

// A literal block scalar (`|`), with the chomping and indentation indicators the text needs.
function literalBlock(text: string, indentNow: string): string {
  if (/\n[\t ]+$/.test(text)) return doubleQuoted(text, indentNow, false)
  const indent = indentNow || (containsDocumentMarker(text) ? INDENT_STEP : '')
  if (!text) return '|\n'
  let value = text
  let endStart: number
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1]
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break
  }
  let end = value.substring(endStart)
  const endNlPos = end.indexOf('\n')
  const chomp = endNlPos === -1 ? '-' : value === end || endNlPos !== end.length - 1 ? '+' : ''
  if (end) {
    value = value.slice(0, -end.length)
    if (end[end.length - 1] === '\n') end = end.slice(0, -1)
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`)
  }
  let startWithSpace = false
  let startEnd: number
  let startNlPos = -1
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd]
    if (ch === ' ') startWithSpace = true
    else if (ch === '\n') startNlPos = startEnd
    else break
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd)
  if (start) {
    value = value.substring(start.length)
    start = start.replace(/\n+/g, `$&${indent}`)
  }
  const header = (startWithSpace ? (indent ? '2' : '1') : '') + chomp
  value = value.replace(/\n+/g, `$&${indent}`)
  return `|${header}\n${indent}${start}${value}${end}`
}

// A string as the library writes it: plain when it reads back as the same string, else double-quoted,
// or a literal block for multi-line values. `indentNow` is the indentation of the node's context.
function scalarString(value: string, indentNow: string, implicitKey: boolean): string {
  if (FORCE_DOUBLE.test(value)) return doubleQuoted(value, indentNow, implicitKey)
  const multiline = value.includes('\n')
  if (implicitKey && multiline) return doubleQuoted(value, indentNow, implicitKey)
  if (NOT_PLAIN.test(value)) {
    return implicitKey || !multiline
      ? doubleQuoted(value, indentNow, implicitKey)
      : literalBlock(value, indentNow)
  }
  if (!implicitKey && multiline) return literalBlock(value, indentNow)
  if (containsDocumentMarker(value)) {
    if (indentNow === '') throw new Unsupported('a top-level scalar')
    if (implicitKey && indentNow === INDENT_STEP) return doubleQuoted(value, indentNow, implicitKey)
  }
  for (const test of CORE_SCALARS) {
    if (test.test(value)) return doubleQuoted(value, indentNow, implicitKey)
  }
  return value
}

function scalarNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf'
  return Object.is(value, -0) ? '-0' : JSON.stringify(value)
}

// An object the library writes key by key: no class, and no toJSON() it would call first.
const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(value)
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  )
}

// Writes a node in block context into `out`: a scalar on its own, or a collection whose lines after
// the first are indented by `indent` (the indentation of the context the node is written in). The
// pieces are joined once at the end, so the text is one flat string, not a rope of small ones.
function node(value: unknown, indent: string, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(scalarString(value, indent, false))
      return
    case 'number':
      out.push(scalarNumber(value))
      return
    case 'boolean':
      out.push(value ? 'true' : 'false')
      return
    case 'undefined':
      // Only reached for array items: the library writes them as null, as JSON does.
      out.push('null')
      return
    case 'object':
      if (value === null) out.push('null')
      else if (Array.isArray(value)) sequence(value, indent, out)
      else if (isPlainObject(value)) mapping(value, indent, out)
      else throw new Unsupported('a non-plain object')
      return
    default:
      throw new Unsupported(`a ${typeof value}`)
  }
}

function sequence(items: readonly unknown[], indent: string, out: string[]): void {
  if (items.length === 0) {
    out.push('[]')
    return
  }
  const itemIndent = indent + INDENT_STEP
  const separator = `\n${indent}- `
  for (let i = 0; i < items.length; i++) {
    out.push(i === 0 ? '- ' : separator)
    node(items[i], itemIndent, out)
  }
}

// Whether a collection value is written in flow style, on the key's line: only when it is empty.
function isEmptyCollection(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0
  for (const key in value) if ((value as Record<string, unknown>)[key] !== undefined) return false
  return true
}

function mapping(object: Record<string, unknown>, indent: string, out: string[]): void {
  const pairIndent = indent + INDENT_STEP
  const start = out.length
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (value === undefined) continue
    const keyText = scalarString(key, pairIndent, true)
    if (keyText.length > 1024) throw new Unsupported('a key over 1024 characters')
    if (out.length > start) out.push(`\n${indent}`)
    out.push(keyText)
    if (value !== null && typeof value === 'object' && !isEmptyCollection(value)) {
      out.push(`:\n${pairIndent}`)
    } else {
      out.push(': ')
    }
    node(value, pairIndent, out)
  }
  if (out.length === start) out.push('{}')
}

/**
 * One YAML document (with its final newline) as `stringify(value, { lineWidth: 0,
 * aliasDuplicateObjects: false, defaultStringType: 'PLAIN', singleQuote: false })` writes it, or
 * undefined when the value holds something this emitter leaves to the library.
 */
export function emitYamlDocument(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  try {
    const out: string[] = []
    node(value, '', out)
    out.push('\n')
    return out.join('')
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}
