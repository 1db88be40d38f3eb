// The broken-config corpus: each case edits the four-vertical example in one place. `§` in a
// replacement marks where the first diagnostic must point; the generator turns that into the
// `# expect: line:col CODE path` header, so the expected position is found in the text, not by the parser.

/** One broken config: what to change, and which diagnostic comes first. */
export interface BrokenCase {
  name: string
  code: string
  /** Dotted path of the first diagnostic, or '-' for none (YAML syntax errors). */
  path: string
  /** Exact replacements [from, to]; each `from` occurs once in the example. */
  edits: [string, string][]
}

/** Shorthand for one case. */
export const c = (name: string, code: string, path: string, ...edits: [string, string][]): BrokenCase => ({
  name,
  code,
  path,
  edits,
})
