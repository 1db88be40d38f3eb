import { type BlockSchema, OBJECT_TYPED, type ProviderSchema, REQUIRED } from './aws-provider-schema'
import {
  DATA_LIFECYCLE,
  LIFECYCLE,
  META_ARGUMENTS,
  OUTPUT,
  RESOURCE_META_BLOCKS,
  TERRAFORM_KEYS,
  VARIABLE,
} from './terraform-language'
import { admits } from './version-constraint'

// Checks every block of one parsed .tf file (hcl2json's JSON: a block is an array of bodies, an
// argument a value) against the AWS provider's schema and Terraform's own language, as
// `terraform validate` would: unknown block types, resource types and arguments, arguments written
// as blocks and the reverse, and missing required arguments and blocks.

type Body = Readonly<Record<string, unknown>>

const isBody = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const bodies = (value: unknown): Body[] => (Array.isArray(value) ? value.filter(isBody) : [])
const isBlockSyntax = (value: unknown): boolean =>
  Array.isArray(value) && value.length > 0 && value.every(isBody)
const entries = (value: unknown): [string, unknown][] => (isBody(value) ? Object.entries(value) : [])

/**
 * Checks one body against a block schema; `where` names it in messages (`resource "t" "n"`).
 * `lifecycle` is given for resource and data bodies, which take meta-arguments besides their schema.
 */
function checkBody(body: Body, schema: BlockSchema, where: string, lifecycle?: BlockSchema): string[] {
  const problems: string[] = []
  const args = schema.a ?? {}
  const blocks = schema.b ?? {}
  const seen = new Set<string>()
  for (const [key, value] of Object.entries(body)) {
    seen.add(key)
    if (lifecycle && META_ARGUMENTS.has(key)) continue
    if (lifecycle && key === 'lifecycle') {
      for (const b of bodies(value)) problems.push(...checkBody(b, lifecycle, `${where} lifecycle`))
      continue
    }
    if (lifecycle === LIFECYCLE && RESOURCE_META_BLOCKS.has(key)) continue
    if (key === 'dynamic') {
      problems.push(...checkDynamic(value, blocks, where, seen))
      continue
    }
    const flags = args[key]
    const nested = blocks[key]
    if (flags !== undefined) {
      if (isBlockSyntax(value) && !(flags & OBJECT_TYPED))
        problems.push(`${where}: "${key}" is an argument, not a block: write ${key} = ...`)
    } else if (nested) {
      if (!isBlockSyntax(value))
        problems.push(`${where}: "${key}" is a block, not an argument: write ${key} { ... }`)
      else if (!nested.o)
        for (const [i, b] of bodies(value).entries())
          problems.push(...checkBody(b, nested, `${where} ${key}[${i}]`))
    } else {
      problems.push(`${where}: unsupported argument or block "${key}"`)
    }
  }
  for (const [key, flags] of Object.entries(args))
    if (flags & REQUIRED && !seen.has(key)) problems.push(`${where}: missing required argument "${key}"`)
  for (const [key, nested] of Object.entries(blocks))
    if (nested.r && !seen.has(key)) problems.push(`${where}: missing required block "${key}"`)
  return problems
}

// `dynamic "name" { for_each = ..., content { ... } }` stands for repeated `name` blocks.
function checkDynamic(value: unknown, blocks: BlockSchema['b'] & object, where: string, seen: Set<string>) {
  const problems: string[] = []
  for (const [name, list] of entries(value)) {
    seen.add(name)
    const nested = blocks[name]
    if (!nested) {
      problems.push(`${where}: dynamic "${name}" generates a block the schema does not have`)
      continue
    }
    for (const dynamic of bodies(list)) {
      const shape: BlockSchema = {
        a: { for_each: REQUIRED, iterator: 0, labels: 0 },
        b: { content: { r: 1, o: 1 } },
      }
      problems.push(...checkBody(dynamic, shape, `${where} dynamic "${name}"`))
      if (nested.o) continue
      for (const content of bodies(dynamic.content))
        problems.push(...checkBody(content, nested, `${where} dynamic "${name}" content`))
    }
  }
  return problems
}

function checkTyped(
  section: unknown,
  types: ProviderSchema['resources'],
  keyword: 'resource' | 'data',
): string[] {
  const problems: string[] = []
  for (const [type, named] of entries(section)) {
    const schema = types[type]
    for (const [name, list] of entries(named)) {
      const where = `${keyword} "${type}" "${name}"`
      if (!schema) {
        problems.push(
          `${where}: the provider has no ${keyword === 'data' ? 'data source' : 'resource type'} "${type}"`,
        )
        continue
      }
      const lifecycle = keyword === 'data' ? DATA_LIFECYCLE : LIFECYCLE
      for (const body of bodies(list)) problems.push(...checkBody(body, schema, where, lifecycle))
    }
  }
  return problems
}

function checkProviders(section: unknown, schema: ProviderSchema): string[] {
  const problems: string[] = []
  for (const [name, list] of entries(section)) {
    if (name !== 'aws') {
      problems.push(`provider "${name}": no schema for this provider (only hashicorp/aws is checked)`)
      continue
    }
    for (const body of bodies(list)) problems.push(...checkBody(body, schema.config, `provider "${name}"`))
  }
  return problems
}

// The schema describes one provider release: a module that requires another cannot be judged by it.
function checkRequiredProviders(section: unknown, schema: ProviderSchema): string[] {
  const problems: string[] = []
  for (const body of bodies(section)) {
    for (const [name, requirement] of entries(body)) {
      if (!isBody(requirement)) continue
      const { source, version } = requirement
      if (name !== 'aws' || typeof version !== 'string') continue
      if (typeof source === 'string' && !schema.provider.source.endsWith(`/${source}`))
        problems.push(
          `terraform: provider "aws" comes from "${source}", the schema from ${schema.provider.source}`,
        )
      try {
        if (!admits(version, schema.provider.version))
          problems.push(
            `terraform: the aws provider constraint "${version}" excludes ${schema.provider.version}, the release the schema describes (${schema.from}); regenerate it with scripts/make-aws-provider-schema.mjs`,
          )
      } catch (error) {
        problems.push(`terraform: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  return problems
}

function checkTerraformBlock(section: unknown, schema: ProviderSchema): string[] {
  const problems: string[] = []
  for (const body of bodies(section)) {
    for (const key of Object.keys(body))
      if (!TERRAFORM_KEYS.has(key)) problems.push(`terraform: unsupported argument or block "${key}"`)
    problems.push(...checkRequiredProviders(body.required_providers, schema))
  }
  return problems
}

function checkNamed(section: unknown, schema: BlockSchema, keyword: string): string[] {
  return entries(section).flatMap(([name, list]) =>
    bodies(list).flatMap((body) => checkBody(body, schema, `${keyword} "${name}"`)),
  )
}

const TOP_LEVEL = new Set(['terraform', 'provider', 'variable', 'output', 'locals', 'resource', 'data'])
const UNCHECKED_TOP_LEVEL = new Set(['module', 'moved', 'import', 'check', 'removed'])

/** Every problem the provider schema and Terraform's language find in one parsed .tf file. */
export function checkTerraformBlocks(parsed: Body, schema: ProviderSchema): string[] {
  const problems: string[] = []
  for (const key of Object.keys(parsed))
    if (!TOP_LEVEL.has(key) && !UNCHECKED_TOP_LEVEL.has(key)) problems.push(`unsupported block type "${key}"`)
  problems.push(...checkTerraformBlock(parsed.terraform, schema))
  problems.push(...checkProviders(parsed.provider, schema))
  problems.push(...checkNamed(parsed.variable, VARIABLE, 'variable'))
  problems.push(...checkNamed(parsed.output, OUTPUT, 'output'))
  problems.push(...checkTyped(parsed.resource, schema.resources, 'resource'))
  problems.push(...checkTyped(parsed.data, schema.dataSources, 'data'))
  return problems
}
