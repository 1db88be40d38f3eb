// A fast reader for the plain YAML most platform.yaml files are written in: block mappings and
// sequences, one-line flow collections, one-line quoted and plain scalars, comments. A cold
// `verticals validate` spent a third of its time in the yaml library building a Document with
// source positions it only needs when there is something to report. Anything outside this
// subset (anchors, tags, block scalars, multi-line scalars, escapes, duplicate keys, odd
// indentation...) returns undefined and the caller parses with the library, which also reports
// every syntax error: this reader never decides that text is invalid, only that it is not sure.
// plain-yaml.test.ts holds it to the library's result on every config in the repository and on
// thousands of mutated ones.

/** Thrown inside the reader when the text leaves the subset; never escapes readPlainYaml. */
class NotPlain extends Error {}

const notPlain = (): never => {
  throw new NotPlain()
}

interface Line {
  readonly indent: number
  /** The line without its indentation and trailing spaces; may still end in a comment. */
  readonly text: string
}

// The YAML 1.2 core schema's tests, in the library's order (null, bool, int, float); the first
// that matches a plain scalar decides its value, as the library's composer does.
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/
const INT_OCT = /^0o[0-7]+$/
const INT = /^[-+]?[0-9]+$/
const INT_HEX = /^0x[0-9a-fA-F]+$/
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/

// Every scalar those tests can match starts with one of these: the rest are strings, read at once.
const NOT_STRING_START = /^[~nNtTfF0-9+.-]/

/** The value of a plain scalar under the core schema. */
function resolvePlain(text: string): unknown {
  if (text !== '' && !NOT_STRING_START.test(text)) return text
  if (NULL.test(text)) return null
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T'
  if (INT_OCT.test(text)) return Number.parseInt(text.substring(2), 8)
  if (INT.test(text)) return Number.parseInt(text, 10)
  if (INT_HEX.test(text)) return Number.parseInt(text.substring(2), 16)
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return Number.NaN
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return Number.parseFloat(text)
  return text
}

// Characters YAML gives a meaning at the start of a plain scalar; `-` is read only before a digit.
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?![0-9.]))/
// A mapping key: a plain word, then `:` and a space or the end of the line.
const KEY = /^([A-Za-z0-9_][\w./+-]*):(?: +|$)/
const FLOW_KEY = /[A-Za-z0-9_][\w./+-]*: +/y
const FLOW_PLAIN = /[^,[\]{}]*/y
// Characters the library reads differently from a JavaScript string (or not at all).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNSURE = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u00a0\u2028\u2029\ufeff\\]/

/** A mapping key as the library gives it to JavaScript: only keys that stay the same string. */
function keyOf(text: string): string {
  // The library rejects an implicit key longer than 1024 characters.
  if (text === '__proto__' || text.length > 1000 || typeof resolvePlain(text) !== 'string') notPlain()
  return text
}

function setOnce(target: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(target, key)) notPlain()
  target[key] = value
}

/** The value of a plain scalar in a block: up to a comment, never holding `: ` (a nested mapping). */
function blockPlain(text: string): unknown {
  const comment = text.search(/ +#/)
  const plain = comment === -1 ? text : text.slice(0, comment)
  if (INDICATOR.test(plain) || plain.includes(': ') || plain.endsWith(':') || plain.includes('#')) notPlain()
  return resolvePlain(plain)
}

/** Reads one-line flow collections and quoted scalars from `text`, starting at `at`. */
class FlowReader {
  at: number
  constructor(
    readonly text: string,
    at: number,
  ) {
    this.at = at
  }

  private spaces(): void {
    while (this.text[this.at] === ' ') this.at++
  }

  value(): unknown {
    const c = this.text[this.at]
    if (c === '[') return this.sequence()
    if (c === '{') return this.mapping()
    if (c === '"' || c === "'") return this.quoted()
    FLOW_PLAIN.lastIndex = this.at
    const plain = (FLOW_PLAIN.exec(this.text)?.[0] ?? '').replace(/ +$/, '')
    if (plain === '' || INDICATOR.test(plain) || plain.includes(':') || plain.includes('#')) notPlain()
    this.at += plain.length
    return resolvePlain(plain)
  }

  quoted(): string {
    const quote = this.text[this.at]
    let out = ''
    let i = this.at + 1
    for (;;) {
      const end = this.text.indexOf(quote as string, i)
      if (end === -1) return notPlain()
      out += this.text.slice(i, end)
      // '' inside single quotes is one quote; double quotes with escapes are the library's.
      if (quote === "'" && this.text[end + 1] === "'") {
        out += "'"
        i = end + 2
        continue
      }
      this.at = end + 1
      return out
    }
  }

  /** After an item: `,` and the next one, or the collection's end; true when it ended. */
  private next(close: string): boolean {
    this.spaces()
    const c = this.text[this.at]
    if (c === close) {
      this.at++
      return true
    }
    if (c !== ',') notPlain()
    this.at++
    this.spaces()
    // A trailing comma is valid YAML, but rare enough to leave to the library.
    if (this.text[this.at] === close) notPlain()
    return false
  }

  private sequence(): unknown[] {
    const items: unknown[] = []
    this.at++
    this.spaces()
    if (this.text[this.at] === ']') {
      this.at++
      return items
    }
    do {
      items.push(this.value())
    } while (!this.next(']'))
    return items
  }

  private mapping(): Record<string, unknown> {
    const map: Record<string, unknown> = {}
    this.at++
    this.spaces()
    if (this.text[this.at] === '}') {
      this.at++
      return map
    }
    do {
      FLOW_KEY.lastIndex = this.at
      const key = FLOW_KEY.exec(this.text)?.[0] ?? notPlain()
      this.at += key.length
      setOnce(map, keyOf(key.slice(0, key.indexOf(':'))), this.value())
    } while (!this.next('}'))
    return map
  }

  /** The rest of the line may only be spaces and a comment. */
  end(): void {
    const rest = this.text.slice(this.at)
    if (rest !== '' && !/^ +#/.test(rest)) notPlain()
  }
}

class BlockReader {
  private i = 0
  constructor(private readonly lines: Line[]) {}

  document(): Record<string, unknown> {
    const first = this.lines[0]
    if (first?.indent !== 0 || isItem(first.text)) notPlain()
    const root = this.mapping(0)
    if (this.i !== this.lines.length) notPlain()
    return root
  }

  private block(indent: number): unknown {
    return isItem((this.lines[this.i] as Line).text) ? this.sequence(indent) : this.mapping(indent)
  }

  /** The value of `key:` or `-` with nothing after it: a block indented deeper, or null. */
  private nested(parent: number): unknown {
    const next = this.lines[this.i]
    if (next === undefined || next.indent < parent) return null
    // A sequence at its key's own indentation is valid YAML, left to the library.
    if (next.indent === parent) return isItem(next.text) ? notPlain() : null
    const value = this.block(next.indent)
    const after = this.lines[this.i]
    if (after !== undefined && after.indent > parent) notPlain()
    return value
  }

  /** A scalar or flow collection written on the line of its key or dash, at `column`. */
  private inline(text: string, parent: number): unknown {
    let value: unknown
    if (text[0] === '[' || text[0] === '{' || text[0] === '"' || text[0] === "'") {
      const flow = new FlowReader(text, 0)
      value = flow.value()
      flow.end()
    } else {
      value = blockPlain(text)
    }
    // A deeper line after a value continues it (a multi-line scalar) or is an error.
    const next = this.lines[this.i]
    if (next !== undefined && next.indent > parent) notPlain()
    return value
  }

  private valueAfter(rest: string, parent: number): unknown {
    return rest === '' || rest[0] === '#' ? this.nested(parent) : this.inline(rest, parent)
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {}
    for (let line = this.lines[this.i]; line?.indent === indent; line = this.lines[this.i]) {
      const key = KEY.exec(line.text) ?? notPlain()
      this.i++
      setOnce(map, keyOf(key[1] as string), this.valueAfter(line.text.slice(key[0].length), indent))
    }
    const after = this.lines[this.i]
    if (after !== undefined && after.indent > indent) notPlain()
    return map
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = []
    for (let line = this.lines[this.i]; line?.indent === indent; line = this.lines[this.i]) {
      if (!isItem(line.text)) notPlain()
      const rest = line.text.slice(1).replace(/^ +/, '')
      if (isItem(rest)) notPlain()
      if (KEY.test(rest)) {
        // `- key: value` starts a mapping whose keys line up with this first one.
        const column = indent + line.text.length - rest.length
        this.lines[this.i] = { indent: column, text: rest }
        items.push(this.mapping(column))
        const after = this.lines[this.i]
        if (after !== undefined && after.indent > indent) notPlain()
      } else {
        this.i++
        items.push(this.valueAfter(rest, indent))
      }
    }
    return items
  }
}

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ')
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  for (const raw of text.split('\n')) {
    const indent = /^ */.exec(raw)?.[0].length ?? 0
    const content = raw.slice(indent).replace(/ +$/, '')
    if (content === '' || content[0] === '#') continue
    // Directives and document markers: a stream of documents is the library's to read.
    if (indent === 0 && /^(?:%|---|\.\.\.)/.test(content)) notPlain()
    lines.push({ indent, text: content })
  }
  return lines
}

/**
 * The JavaScript value of a platform.yaml written in plain YAML, equal to what the yaml library's
 * parseDocument(text).toJS() gives; undefined when the text uses anything else, or may be invalid.
 */
export function readPlainYaml(text: string): { value: Record<string, unknown> } | undefined {
  if (UNSURE.test(text)) return undefined
  try {
    return { value: new BlockReader(linesOf(text)).document() }
  } catch (error) {
    if (error instanceof NotPlain) return undefined
    throw error
  }
}
