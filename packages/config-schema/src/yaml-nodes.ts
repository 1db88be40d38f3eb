import type { Document, LineCounter, Node } from 'yaml'
import { yamlLibrary } from './yaml-library'

/** A key defined twice in one mapping: its name, the mapping's path, and where it first appears. */
export interface DuplicateKey {
  readonly key: string
  readonly path: readonly PropertyKey[]
  readonly first: { line: number; column: number }
}

/** The duplicate key whose second occurrence starts at `offset`, found in the parsed document. */
export function duplicateKey(doc: Document, lines: LineCounter, offset: number): DuplicateKey | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary()
  const search = (node: unknown, path: PropertyKey[]): DuplicateKey | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined
        if (key !== undefined && (pair.key as Node).range?.[0] === offset) {
          const first = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key)
          const { line, col } = lines.linePos((first?.key as Node | undefined)?.range?.[0] ?? offset)
          return { key, path: [...path, key], first: { line, column: col } }
        }
        const found = search(pair.value, key === undefined ? path : [...path, key])
        if (found) return found
      }
    }
    if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        const found = search(item, [...path, i])
        if (found) return found
      }
    }
    return undefined
  }
  return search(doc.contents, [])
}

/** The first alias (`*name`) that names no anchor, with its position. */
export function unresolvedAlias(
  doc: Document,
  lines: LineCounter,
): { name: string; line: number; column: number } | undefined {
  const { visit } = yamlLibrary()
  let found: { name: string; offset: number } | undefined
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined
      found = { name: node.source, offset: node.range?.[0] ?? 0 }
      return visit.BREAK
    },
  })
  if (found === undefined) return undefined
  const { line, col } = lines.linePos(found.offset)
  return { name: found.name, line, column: col }
}

/**
 * Adds a DUPLICATE_KEY error to `doc.errors` for every key a mapping holds twice, as the yaml
 * library's `uniqueKeys` option would, in linear time: the library compares each key with every
 * earlier key of its mapping, which made a config of 16,000 markets take seconds to parse.
 */
export function addDuplicateKeyErrors(doc: Document): void {
  const { isScalar, visit, YAMLParseError } = yamlLibrary()
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const pair of map.items) {
        // Keys compare by value, as the library's default does (1 and "1" are different keys).
        const value = isScalar(pair.key) ? pair.key.value : pair.key
        if (!seen.has(value)) {
          seen.add(value)
          continue
        }
        const range = (pair.key as Node | null)?.range
        if (range)
          doc.errors.push(
            new YAMLParseError([range[0], range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'),
          )
      }
    },
  })
}
