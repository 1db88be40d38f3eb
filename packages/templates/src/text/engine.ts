import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import Handlebars from 'handlebars'
import { BUILTIN_TEMPLATES_DIR } from '../paths'
import { hclList, hclMap, hclValue, markdownInline, sqlIdentifier, sqlString } from './escape'
import { formatDuration, formatPercent } from './format'

/** Renders text templates by name (`compliance/dpia.md`), preferring a user's override directory. */
export interface TextEngine {
  render(name: string, data: object): string
  /** Names of every template, built-in and overridden. */
  names(): string[]
}

// Helpers whose output is safe to place in a template: escapers, and formatters of numbers.
const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  hcl: (value: unknown) => hclValue(value),
  hclList: (values: unknown) => hclList(values),
  hclMap: (value: unknown) => hclMap(value),
  md: (value: unknown) => markdownInline(value),
  sql: (value: unknown) => sqlString(value),
  sqlIdent: (value: unknown) => sqlIdentifier(value),
  json: (value: unknown) => JSON.stringify(value),
  duration: (seconds: unknown) => formatDuration(Number(seconds)),
  percent: (value: unknown) => formatPercent(Number(value)),
  num: (value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`num helper expects a number, got ${String(value)}`)
    return String(value)
  },
  eq: (a: unknown, b: unknown) => a === b,
  join: (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.map(markdownInline).join(String(separator)) : '',
}

const SAFE_DATA_VARIABLES = new Set(['@index', '@first', '@last'])

/**
 * Refuses a template that prints a value without an escaping helper: `{{name}}` or `{{{name}}}`
 * would let a config string add structure to the output. Blocks (`#each`, `#if`) are fine.
 */
export function assertTemplateSafe(name: string, source: string): void {
  const problems: string[] = []
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as {
      type?: string
      escaped?: boolean
      path?: { original?: string; data?: boolean }
      params?: unknown[]
      loc?: { start: { line: number } }
    }
    if (n.type === 'MustacheStatement') {
      const original = n.path?.original ?? ''
      const line = n.loc?.start.line ?? 0
      if (n.escaped === false) problems.push(`line ${line}: triple-stash {{{${original}}}} is not allowed`)
      else if (
        !(original in HELPERS) &&
        !SAFE_DATA_VARIABLES.has(`@${original}`) &&
        !(n.path?.data && SAFE_DATA_VARIABLES.has(`@${original}`))
      ) {
        problems.push(
          `line ${line}: {{${original}}} prints a value without escaping: use {{md …}}, {{hcl …}} or {{sql …}}`,
        )
      }
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object' && value !== n.loc) visit(value)
    }
  }
  visit(Handlebars.parse(source))
  if (problems.length > 0) throw new Error(`template ${name} is unsafe:\n  ${problems.join('\n  ')}`)
}

function listTemplates(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.hbs'))
        out.push(
          relative(dir, full)
            .split('\\')
            .join('/')
            .replace(/\.hbs$/, ''),
        )
    }
  }
  walk(dir)
  return out.sort()
}

/** Creates an isolated handlebars environment; `overrideDir` may replace built-in templates by name. */
export function createTextEngine(options: { overrideDir?: string; builtinDir?: string } = {}): TextEngine {
  const hb = Handlebars.create()
  for (const [name, helper] of Object.entries(HELPERS)) hb.registerHelper(name, helper)
  const builtinDir = options.builtinDir ?? BUILTIN_TEMPLATES_DIR
  const builtin = listTemplates(builtinDir)
  const overrides = options.overrideDir ? listTemplates(options.overrideDir) : []
  const unknown = overrides.filter((name) => !builtin.includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `override templates do not replace any built-in template: ${unknown.join(', ')} (known: ${builtin.join(', ')})`,
    )
  }
  const cache = new Map<string, Handlebars.TemplateDelegate>()
  const load = (name: string) => {
    let compiled = cache.get(name)
    if (compiled) return compiled
    const dir = overrides.includes(name) && options.overrideDir ? options.overrideDir : builtinDir
    const file = join(dir, `${name}.hbs`)
    if (!existsSync(file)) throw new Error(`no template named ${name}`)
    const source = readFileSync(file, 'utf8')
    assertTemplateSafe(name, source)
    compiled = hb.compile(source, { strict: true, noEscape: true })
    cache.set(name, compiled)
    return compiled
  }
  return {
    render: (name, data) => load(name)(data),
    names: () => builtin,
  }
}
