import type { ProviderSchema, TypeSchema } from './aws-provider-schema'

// Checks the references inside one root module's expressions (hcl2json keeps each as "${...}"):
// every var., local., module., data. and resource reference must name something the module
// declares, its first attribute must exist on that type, and an instance index must match whether
// the resource has count/for_each, as `terraform validate` checks them.

type Body = Readonly<Record<string, unknown>>

const isBody = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const entries = (value: unknown): [string, unknown][] => (isBody(value) ? Object.entries(value) : [])
const bodies = (value: unknown): Body[] => (Array.isArray(value) ? value.filter(isBody) : [])

interface Declared {
  readonly type: string
  readonly schema: TypeSchema | undefined
  readonly counted: boolean
}

interface Declarations {
  readonly variables: Set<string>
  readonly locals: Set<string>
  readonly modules: Set<string>
  readonly providers: Set<string>
  readonly resources: Map<string, Declared>
  readonly data: Map<string, Declared>
}

function declare(files: readonly Body[], schema: ProviderSchema): Declarations {
  const found: Declarations = {
    variables: new Set(),
    locals: new Set(),
    modules: new Set(),
    providers: new Set(),
    resources: new Map(),
    data: new Map(),
  }
  const typed = (section: unknown, into: Map<string, Declared>, types: ProviderSchema['resources']) => {
    for (const [type, named] of entries(section))
      for (const [name, list] of entries(named)) {
        const counted = bodies(list).some((b) => 'count' in b || 'for_each' in b)
        into.set(`${type}.${name}`, { type, schema: types[type], counted })
      }
  }
  for (const file of files) {
    for (const [name] of entries(file.variable)) found.variables.add(name)
    for (const body of bodies(file.locals)) for (const name of Object.keys(body)) found.locals.add(name)
    for (const [name] of entries(file.module)) found.modules.add(name)
    for (const [name, list] of entries(file.provider))
      for (const body of bodies(list))
        found.providers.add(typeof body.alias === 'string' ? `${name}.${body.alias}` : name)
    typed(file.resource, found.resources, schema.resources)
    typed(file.data, found.data, schema.dataSources)
  }
  return found
}

/** The text of every `${...}` in a string, nested braces included. */
function expressions(text: string): string[] {
  const found: string[] = []
  for (let start = text.indexOf('${'); start !== -1; start = text.indexOf('${', start + 2)) {
    let depth = 0
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '{') depth++
      else if (text[i] === '}' && --depth === 0) {
        found.push(text.slice(start + 2, i))
        break
      }
    }
  }
  return found
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (isBody(value)) for (const v of Object.values(value)) strings(v, out)
  return out
}

// A traversal: a root name followed by .attr, [index], .* or [*] steps.
const TRAVERSAL = /(?<![\w.\]"])([a-z_][a-z0-9_]*)((?:\.[A-Za-z_][\w-]*|\.\*|\[[^[\]]*\])+)/g
const STEP = /\.([A-Za-z_][\w-]*|\*)|\[([^[\]]*)\]/g

function steps(text: string): string[] {
  return [...text.matchAll(STEP)].map((m) => (m[1] !== undefined ? m[1] : `[${m[2]}]`))
}

function checkInstance(ref: string, declared: Declared, rest: readonly string[]): string[] {
  const [next, after] = rest
  if (next === undefined || next === '*' || next === '[*]') return []
  const indexed = next.startsWith('[')
  if (declared.counted && !indexed)
    return [
      `${ref}: has count or for_each, so "${next}" must be read from one instance (${ref}[...].${next})`,
    ]
  if (!declared.counted && indexed) return [`${ref}: has neither count nor for_each, so it cannot be indexed`]
  const attribute = indexed ? after : next
  if (attribute === undefined || attribute === '*' || !declared.schema) return []
  const { a = {}, b = {}, c } = declared.schema
  if (attribute in a || attribute in b || c.includes(attribute) || attribute === 'id') return []
  return [`${ref}: "${declared.type}" has no attribute "${attribute}"`]
}

function checkReference(root: string, path: readonly string[], found: Declarations): string[] {
  const [first, second, ...rest] = path
  if (first === undefined || first.startsWith('[')) return []
  switch (root) {
    case 'var':
      return found.variables.has(first) ? [] : [`var.${first}: no variable "${first}" is declared`]
    case 'local':
      return found.locals.has(first) ? [] : [`local.${first}: no local value "${first}" is declared`]
    case 'module':
      return found.modules.has(first) ? [] : [`module.${first}: no module "${first}" is declared`]
    case 'data': {
      if (second === undefined || second.startsWith('[')) return []
      const declared = found.data.get(`${first}.${second}`)
      const ref = `data.${first}.${second}`
      return declared ? checkInstance(ref, declared, rest) : [`${ref}: no such data block is declared`]
    }
    case 'aws':
      return found.providers.has(`aws.${first}`)
        ? []
        : [`aws.${first}: no provider "aws" has alias "${first}"`]
    default: {
      const declared = found.resources.get(`${root}.${first}`)
      if (declared) return checkInstance(`${root}.${first}`, declared, path.slice(1))
      return [`${root}.${first}: no such resource is declared`]
    }
  }
}

const ROOTS = new Set(['var', 'local', 'module', 'data', 'aws'])

/** Every dangling or malformed reference in the files of one root module (parsed by hcl2json). */
export function checkTerraformReferences(files: readonly Body[], schema: ProviderSchema): string[] {
  const found = declare(files, schema)
  const problems = new Set<string>()
  // `moved` and `removed` name addresses the module no longer declares, on purpose.
  const scanned = files.map(({ moved: _moved, removed: _removed, ...rest }) => rest)
  for (const text of scanned.flatMap((file) => strings(file)))
    for (const expression of expressions(text))
      for (const [, root = '', tail = ''] of expression.matchAll(TRAVERSAL)) {
        if (!ROOTS.has(root) && !root.startsWith('aws_')) continue
        for (const problem of checkReference(root, steps(tail), found)) problems.add(problem)
      }
  return [...problems]
}
