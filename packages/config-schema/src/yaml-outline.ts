// A line-by-line reading of block YAML's indentation, used only to explain a syntax error the yaml
// library found: which key a line belongs to, and which line's indentation is off. The library
// reports where parsing broke down, which is often a line before or after the one to fix.

/** One content line: where its key starts, its config path, and any indentation mistake. */
export interface OutlineLine {
  readonly line: number
  /** 1-based column where the line's content starts (the `-` of a sequence item). */
  readonly column: number
  readonly key: string | undefined
  readonly path: readonly PropertyKey[]
  /** Why this line's indentation cannot be right, when it cannot. */
  readonly mistake?: string
}

/** A mapping key or sequence item that holds a block; `childColumn` is where its children start. */
type Frame = {
  column: number
  key?: string
  index?: number
  childColumn?: number
  items: number
  /** Whether the block holds list items or keys (it cannot hold both). */
  holds?: 'list' | 'map'
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{[\]}&*!|>%@`,-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/
const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`

const unquote = (key: string) => (/^["']/.test(key) ? key.slice(1, -1) : key)

/** The value part of `key: value`, without a trailing comment. */
const valueAfter = (body: string, keyText: string) =>
  body
    .slice(keyText.length)
    .replace(/^\s*:/, '')
    .replace(/(^|\s)#.*$/, '')
    .trim()

/** How many brackets a line leaves open, ignoring quoted text (enough for flow collections). */
function openBrackets(text: string): number {
  const bare = text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').replace(/(^|\s)#.*$/, '')
  return (bare.match(/[[{]/g)?.length ?? 0) - (bare.match(/[\]}]/g)?.length ?? 0)
}

function pathOf(stack: readonly Frame[], key?: string): PropertyKey[] {
  const segments = stack.slice(1).map((f) => f.index ?? f.key ?? '')
  return key === undefined ? segments : [...segments, key]
}

/** Checks a line's column against the open blocks, popping the ones it closes; returns any mistake. */
function place(stack: Frame[], where: number, opened: boolean, content: string, above: number | undefined) {
  const dash = /^-(\s|$)/.test(content)
  const top = stack.at(-1)!
  if (opened && (where > top.column || (dash && where === top.column))) {
    top.childColumn = where
    top.holds = dash ? 'list' : 'map'
    return undefined
  }
  const columns = [...new Set(stack.flatMap((f) => (f.childColumn === undefined ? [] : [f.childColumn])))]
  let popped = false
  while (stack.length > 1 && (stack.at(-1)!.childColumn ?? Number.POSITIVE_INFINITY) > where) {
    popped = stack.pop()!.childColumn !== undefined || popped
  }
  // `key:` then `- item` at the key's own column: a key at that column closes both.
  while (!dash && stack.length > 1 && stack.at(-1)!.column === where) stack.pop()
  const parent = stack.at(-1)!
  if (parent.childColumn === where) return mixed(parent, dash, content)
  if (!popped && parent.childColumn !== undefined && where > parent.childColumn) {
    return `is indented ${spaces(where - 1)}, deeper than line ${above}, which already has a value: line it up with its siblings (${spaces(parent.childColumn - 1)})`
  }
  const list = columns.sort((a, b) => a - b).map((c) => c - 1)
  const options = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : `${list[0]}`
  return `is indented ${spaces(where - 1)}, which lines up with no block above it (those start at ${options} spaces)`
}

/** A list item among keys, or a key among list items, at the same column: one block holds one kind. */
function mixed(block: Frame, dash: boolean, content: string): string | undefined {
  const holds = dash ? 'list' : 'map'
  block.holds ??= holds
  if (block.holds === holds) return undefined
  if (/^-[^\s-]/.test(content)) return 'needs a space after "-" to be a list item'
  return dash
    ? 'starts a list item among keys at the same indentation: a block holds either keys or "- " items'
    : 'is a key among list items at the same indentation: a block holds either "- " items or keys'
}

/**
 * Reads the structure of block YAML text from its indentation alone. Lines inside block scalars and
 * multi-line flow collections are skipped; tab-indented lines get a key and path but no verdict.
 */
export function outlineYaml(text: string): OutlineLine[] {
  const out: OutlineLine[] = []
  const stack: Frame[] = [{ column: 0, childColumn: 1, items: 0, holds: 'map' }]
  let opened = false // the previous line ended with `key:` or `-`
  let blockScalar: number | undefined // indent of the line that opened a `|` or `>` block
  let flowDepth = 0
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.trimStart()
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + openBrackets(raw))
      return
    }
    if (content === '' || content.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(content)) return
    const indent = raw.length - content.length
    if (blockScalar !== undefined && indent > blockScalar) return
    blockScalar = undefined
    const dash = /^-(\s|$)/.test(content)
    const body = dash ? content.replace(/^-\s*/, '') : content
    const where = indent + 1
    const column = where + (content.length - body.length)
    const keyText = KEY.exec(body)?.[1]
    const key = keyText === undefined ? undefined : unquote(keyText)

    let mistake: string | undefined
    if (/^ *\t/.test(raw)) {
      // A tab's width is unknown: keep the line in the block it seems to belong to, judge nothing.
      if (!opened) while (stack.length > 1 && (stack.at(-1)!.childColumn ?? 0) >= where) stack.pop()
    } else mistake = place(stack, where, opened, content, out.at(-1)?.line)
    if (dash) {
      const parent = stack.at(-1)!
      stack.push({ column: where, index: parent.items++, items: 0, ...(key ? { childColumn: column } : {}) })
    }
    out.push({ line: i + 1, column: where, key, path: pathOf(stack, key), ...(mistake ? { mistake } : {}) })

    const value = keyText === undefined ? body : valueAfter(body, keyText)
    opened = false
    if ((key !== undefined || dash) && value === '') {
      if (key !== undefined) stack.push({ column, key, items: 0 })
      opened = true
    } else if (/^[|>][-+0-9]*$/.test(value)) blockScalar = indent
    else flowDepth = Math.max(0, openBrackets(value))
  })
  return out
}
