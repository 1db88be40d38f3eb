import type { Document, LineCounter } from 'yaml'
import type * as z from 'zod'
import { type Diagnostic, type DiagnosticCode, formatPath, sortDiagnostics } from './diagnostics'
import { FIDESLANG_TAXONOMY, replacementOf } from './fideslang'
import { formatSize, INPUT_LIMITS } from './limits'
import { readPlainYaml } from './plain-yaml'
import { positionOf } from './positions'
import { resolve } from './resolve'
import type { ResolvedPlatform } from './resolved'
import { checkRules } from './rules'
import { type PlatformConfig, platformSchema, SUPPORTED_API_VERSIONS } from './schema/platform'
import { knownKeysAt } from './schema-walk'
import { didYouMean } from './suggest'
import { aliasDiagnostic, yamlSyntaxDiagnostics } from './yaml-errors'
import { yamlLibrary } from './yaml-library'
import { addDuplicateKeyErrors } from './yaml-nodes'

/** The outcome of reading a platform.yaml: a value, or every problem at once. */
export type ParseResult =
  | { ok: true; config: PlatformConfig; platform: ResolvedPlatform; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] }

type Located = {
  code: DiagnosticCode
  path: readonly PropertyKey[]
  message: string
  at?: 'key' | 'value'
  /** For a misspelt key: the path of the field it was meant to be. */
  meant?: readonly PropertyKey[]
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): Located[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(platformSchema, issue.path)
    return issue.keys.map((key) => {
      const guess = didYouMean(key, known)
      const hint = guess
        ? ` (did you mean "${guess}"?)`
        : known.length
          ? `; expected one of: ${known.join(', ')}`
          : ''
      const located: Located = {
        code: 'UNKNOWN_KEY',
        path: [...issue.path, key],
        message: `unknown key "${key}"${hint}`,
        at: 'key',
      }
      return guess ? { ...located, meant: [...issue.path, guess] } : located
    })
  }
  const actual = valueAt(input, issue.path)
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && actual === undefined) {
    return [
      {
        code: 'MISSING_FIELD',
        path: issue.path,
        message: `missing required field "${String(issue.path.at(-1))}"`,
      },
    ]
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String)
    // An old category spelling names the fideslang key that replaced it rather than a near miss.
    const renamed =
      issue.path.at(-1) === 'category' && typeof actual === 'string' ? replacementOf(actual) : undefined
    if (renamed) {
      const message = `${show(actual)} is not a fideslang ${FIDESLANG_TAXONOMY.version} data category: use "${renamed}"`
      return [{ code: 'INVALID_VALUE', path: issue.path, message }]
    }
    const guess = typeof actual === 'string' ? didYouMean(actual, allowed) : undefined
    const list =
      allowed.length <= 12
        ? `expected ${allowed.length > 1 ? 'one of ' : ''}${allowed.join(', ')}`
        : issue.message
    const message = `${show(actual)} is not allowed${guess ? ` (did you mean "${guess}"?)` : `: ${list}`}`
    return [{ code: 'INVALID_VALUE', path: issue.path, message }]
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const message = `expected ${issue.expected}, got ${Array.isArray(actual) ? 'a list' : typeof actual === 'object' ? 'a mapping' : show(actual)}`
    return [{ code: 'INVALID_VALUE', path: issue.path, message }]
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof actual === 'number') {
    return [{ code: 'INVALID_VALUE', path: issue.path, message: `${issue.message}, got ${actual}` }]
  }
  return [{ code: 'INVALID_VALUE', path: issue.path, message: issue.message }]
}

/** Markets and verticals beyond INPUT_LIMITS, before the schema spends time on them. */
function countLimits(input: object): Located[] {
  const found: Located[] = []
  for (const field of ['markets', 'verticals'] as const) {
    const value = (input as Record<string, unknown>)[field]
    const count = value && typeof value === 'object' ? Object.keys(value).length : 0
    if (count > INPUT_LIMITS[field]) {
      const message = `${count} ${field} is above the ${INPUT_LIMITS[field]} this release reads: split the platform, or ask for a higher limit`
      found.push({ code: 'INPUT_TOO_LARGE', path: [field], message, at: 'key' })
    }
  }
  return found
}

/** A value as it reads in a one-line message, cut short. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}

/** The library's Document of a text with its line counter, parsed on the first call. */
function documentOf(text: string): () => { doc: Document; lines: LineCounter } {
  let parsed: { doc: Document; lines: LineCounter } | undefined
  return () => {
    if (parsed === undefined) {
      const { LineCounter, parseDocument } = yamlLibrary()
      const lines = new LineCounter()
      // addDuplicateKeyErrors checks uniqueKeys in linear time; the library's own check is quadratic in a mapping's size.
      const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, strict: true })
      addDuplicateKeyErrors(doc)
      parsed = { doc, lines }
    }
    return parsed
  }
}

/** The value the library reads from a Document, or the syntax diagnostics that stop it. */
function libraryValue(
  { doc, lines }: { doc: Document; lines: LineCounter },
  text: string,
  file: string,
): { value: unknown } | { diagnostics: Diagnostic[] } {
  if (doc.errors.length > 0) return { diagnostics: yamlSyntaxDiagnostics(doc, lines, text, file) }
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }) }
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] as string
    const alias = aliasDiagnostic(doc, lines, text, file)
    return {
      diagnostics: [
        alias ?? { code: 'YAML_SYNTAX', severity: 'error', file, line: 1, column: 1, path: '', message },
      ],
    }
  }
}

/**
 * Parses, validates and resolves platform.yaml text. Returns every diagnostic at once, sorted by
 * position, each located at the YAML node that causes it; never throws on bad input.
 */
export function parse(text: string, file = 'platform.yaml'): ParseResult {
  if (text.length > INPUT_LIMITS.bytes) {
    const message = `the file is ${formatSize(text.length)}, above the ${formatSize(INPUT_LIMITS.bytes)} this release reads: split the platform, or ask for a higher limit`
    return {
      ok: false,
      diagnostics: [
        { code: 'INPUT_TOO_LARGE', severity: 'error', file, line: 1, column: 1, path: '', message },
      ],
    }
  }
  // Plain YAML (nearly every config) is read without the library's Document; the Document, with
  // the source positions diagnostics need, is built only when there is something to report.
  const plain = readPlainYaml(text)
  const located = documentOf(text)
  const make = (l: Located, severity: 'error' | 'warning' = 'error'): Diagnostic => {
    const { doc, lines } = located()
    return {
      code: l.code,
      severity,
      file,
      ...positionOf(doc, lines, l.path, l.at),
      path: formatPath(l.path),
      message: l.message,
    }
  }

  let input: unknown = plain?.value
  if (plain === undefined) {
    const read = libraryValue(located(), text, file)
    if ('diagnostics' in read) return { ok: false, diagnostics: read.diagnostics }
    input = read.value
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const message = 'expected a mapping that starts with apiVersion: verticals/v1 and kind: Platform'
    return { ok: false, diagnostics: [make({ code: 'INVALID_VALUE', path: [], message })] }
  }

  const version = (input as { apiVersion?: unknown }).apiVersion
  if (version !== undefined && !(SUPPORTED_API_VERSIONS as readonly unknown[]).includes(version)) {
    const message = `apiVersion ${JSON.stringify(version)} is not supported: this release of Verticals reads ${SUPPORTED_API_VERSIONS.join(', ')}`
    return { ok: false, diagnostics: [make({ code: 'UNSUPPORTED_VERSION', path: ['apiVersion'], message })] }
  }

  const tooMany = countLimits(input)
  if (tooMany.length > 0) return { ok: false, diagnostics: tooMany.map((l) => make(l)) }

  // jitless: zod's fast path compiles code per object schema, which costs more than it saves for a
  // config read once per process (a cold `verticals validate` is ~15 ms faster without it).
  const result = platformSchema.safeParse(input, { jitless: true })
  if (!result.success) {
    const located = result.error.issues.flatMap((issue) => describeIssue(issue, input))
    // A misspelt key also leaves its field missing; the did-you-mean already says so, once.
    const meant = new Set(located.flatMap((l) => (l.meant ? [formatPath(l.meant)] : [])))
    const useful = located.filter((l) => !(l.code === 'MISSING_FIELD' && meant.has(formatPath(l.path))))
    return { ok: false, diagnostics: sortDiagnostics(useful.map((l) => make(l))) }
  }

  const platform = resolve(result.data)
  const findings = checkRules(result.data, platform)
  const errors = findings.filter((f) => f.severity === 'error').map((f) => make(f))
  const warnings = findings.filter((f) => f.severity === 'warning').map((f) => make(f, 'warning'))
  if (errors.length > 0) return { ok: false, diagnostics: sortDiagnostics([...errors, ...warnings]) }
  return { ok: true, config: result.data, platform, warnings: sortDiagnostics(warnings) }
}
