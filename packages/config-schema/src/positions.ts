import type { Document, LineCounter, Node } from 'yaml'
import { yamlLibrary } from './yaml-library'

export interface Position {
  line: number
  column: number
}

/**
 * Finds the YAML node a config path points at and returns where it starts. When the path goes
 * further than the document (a missing field, a value a preset supplied), the deepest node that
 * exists is used, so every diagnostic still lands on a line the user wrote.
 * `at: 'key'` points at the key of the last segment (unknown keys); otherwise at the value.
 */
export function positionOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  at: 'key' | 'value' = 'value',
): Position {
  const { isMap, isNode, isPair, isScalar, isSeq } = yamlLibrary()
  let node: unknown = doc.contents
  let anchor: unknown = doc.contents
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      )
      if (!pair) break
      const isLast = i === path.length - 1
      anchor = isLast && at === 'key' ? pair.key : (pair.value ?? pair.key)
      // `key:` with nothing after it: point at the key, not at the empty space after the colon.
      if (!isNode(pair.value) || (isScalar(pair.value) && pair.value.range?.[0] === pair.value.range?.[1]))
        anchor = pair.key
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (!item) break
      anchor = item
      node = item
    } else {
      break
    }
  }
  const range = (anchor as Node | null)?.range
  const offset = range ? range[0] : 0
  const { line, col } = lines.linePos(offset)
  return { line, column: col }
}

/**
 * Where each config path of a platform.yaml text starts (the deepest node that exists, as positionOf),
 * for tools that report on a config they did not validate themselves, e.g. `verticals cost`. The text
 * is parsed on the first lookup, so a caller that ends up locating nothing (a config within its
 * budgets) never parses it a second time.
 */
export function locator(text: string): (path: readonly PropertyKey[]) => Position {
  let parsed: { doc: Document; lines: LineCounter } | undefined
  return (path) => {
    if (parsed === undefined) {
      const { LineCounter, parseDocument } = yamlLibrary()
      const lines = new LineCounter()
      parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines }
    }
    return positionOf(parsed.doc, parsed.lines, path)
  }
}
