// Writes schemas/aws-provider.schema.json: every resource type, data source and the provider block of the
// Terraform AWS provider (arguments, which are required, nested blocks, computed attributes), taken
// from the jsii manifest of the pinned @cdktf/provider-aws. That package is about 37 MB packed and
// 390 MB unpacked, so it is not a dependency: this script fetches the one tarball with `npm pack`,
// checks its integrity, reads its `.jsii` and keeps only what the Terraform check needs.
// Run: node scripts/make-aws-provider-schema.mjs   (after changing PACKAGE below)
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// @cdktf/provider-aws 19.65.1 is built from hashicorp/aws 5.99.1, the newest release that the
// modules' `~> 5.80` constraint admits (src/infrastructure/toolchain.ts).
const PACKAGE = {
  name: '@cdktf/provider-aws',
  version: '19.65.1',
  integrity:
    'sha512-pUvO9fYAgyc4MreWOZWkzz/lalxOvIAS2YEvBjIadJVqCUEiNN5EDWu5ofBp9Y1k+ncHzl3K6oPgBeYQYJz5kw==',
}

function fetchManifest() {
  const dir = mkdtempSync(join(tmpdir(), 'aws-provider-schema-'))
  try {
    const spec = `${PACKAGE.name}@${PACKAGE.version}`
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8' }),
    )
    const tarball = join(dir, packed.filename)
    const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
    if (digest !== PACKAGE.integrity)
      throw new Error(`${spec}: integrity ${digest}, expected ${PACKAGE.integrity}`)
    execFileSync('tar', ['-xzf', tarball, '-C', dir, 'package/.jsii', 'package/package.json'])
    const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'))
    const jsii = JSON.parse(readFileSync(join(dir, 'package/.jsii'), 'utf8'))
    return { provider: pkg.cdktf.provider, types: jsii.types }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const snake = (camel) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

// cdktf sums up each nested block as "<name> block." and each argument with a link whose anchor is
// its Terraform name; the few with neither (framework timeouts) follow the camelCase rule.
function terraformName(property) {
  const block = /^([a-z0-9_]+) block\.$/.exec(property.docs?.summary ?? '')
  if (block) return { name: block[1], block: true }
  const anchor = /#([a-z0-9_]+) [A-Za-z0-9]+#/.exec(`${property.docs?.summary} ${property.docs?.remarks}`)
  if (anchor) return { name: anchor[1], block: false }
  return { name: snake(property.name), block: false }
}

// The struct a block property holds: `Struct`, `Struct[]`, or either in a union with IResolvable.
function structOf(type, types) {
  const candidates = type.union ? type.union.types : [type]
  for (const t of candidates) {
    const fqn = t.fqn ?? t.collection?.elementtype?.fqn
    if (fqn && types[fqn]?.kind === 'interface' && types[fqn].datatype) return fqn
  }
  return undefined
}

/**
 * A block's schema: `a` arguments (bit 1 required, bit 2 object-typed), `b` nested blocks (`r: 1`
 * when required, `o: 1` opaque).
 */
function blockSchema(fqn, types, seen = new Set()) {
  if (seen.has(fqn)) throw new Error(`${fqn}: recursive block`)
  const struct = types[fqn]
  const a = {}
  const b = {}
  for (const property of struct.properties ?? []) {
    const { name, block } = terraformName(property)
    const nested = structOf(property.type, types)
    if (block) {
      // cdktf types five deeply recursive blocks (WAFv2 rule statements, QuickSight definitions) as
      // `any`: `o: 1` marks them opaque, a block whose contents the manifest does not describe.
      const schema = nested ? blockSchema(nested, types, new Set([...seen, fqn])) : { o: 1 }
      b[name] = property.optional ? schema : { r: 1, ...schema }
    } else {
      // Object-typed arguments (framework nested attributes) take `name = {...}` or `[{...}]`.
      a[name] = (property.optional ? 0 : 1) | (nested ? 2 : 0)
    }
  }
  const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)))
  return Object.keys(b).length > 0 ? { a: sorted(a), b: sorted(b) } : { a: sorted(a) }
}

/** Attributes only the provider sets (arn, id, endpoints...): the class's getters that are not arguments. */
function computedAttributes(cls, schema) {
  const known = new Set([...Object.keys(schema.a), ...Object.keys(schema.b ?? {})])
  return (cls.properties ?? [])
    .filter((p) => !p.static && !p.name.endsWith('Input'))
    .map((p) => snake(p.name))
    .filter((name) => !known.has(name))
    .sort()
}

function typeName(cls) {
  const match = /\{@link \S+ ([a-z0-9_]+)\}/.exec(cls.docs?.summary ?? '')
  if (!match) throw new Error(`${cls.fqn}: no Terraform type name in its summary`)
  return match[1]
}

const BASES = { 'cdktf.TerraformResource': 'resources', 'cdktf.TerraformDataSource': 'dataSources' }

const { provider, types } = fetchManifest()
const out = { resources: {}, dataSources: {} }
let providerBlock
for (const cls of Object.values(types)) {
  if (cls.kind !== 'class') continue
  const config = cls.initializer?.parameters?.find((p) => p.name === 'config')?.type.fqn
  if (cls.base === 'cdktf.TerraformProvider') providerBlock = blockSchema(config, types)
  const section = BASES[cls.base]
  if (!section) continue
  const schema = blockSchema(config, types)
  out[section][typeName(cls)] = { ...schema, c: computedAttributes(cls, schema) }
}
const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)))
const document = {
  provider: { source: provider.name, version: provider.version },
  from: `${PACKAGE.name}@${PACKAGE.version} (${PACKAGE.integrity})`,
  generatedBy: 'packages/templates/scripts/make-aws-provider-schema.mjs',
  config: providerBlock,
  resources: sortKeys(out.resources),
  dataSources: sortKeys(out.dataSources),
}
const target = fileURLToPath(new URL('../schemas/aws-provider.schema.json', import.meta.url))
// One type per line, so a regenerated file diffs by resource type.
const lines = (entries) =>
  Object.entries(entries).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
const head = Object.entries(document)
  .filter(([k]) => k !== 'resources' && k !== 'dataSources')
  .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
writeFileSync(
  target,
  `{\n${head.join('\n')}\n"resources":{\n${lines(document.resources).join(',\n')}\n},\n"dataSources":{\n${lines(document.dataSources).join(',\n')}\n}}\n`,
)
console.log(
  `wrote ${Object.keys(out.resources).length} resource types and ${Object.keys(out.dataSources).length} data sources of ${provider.name} ${provider.version} to ${target}`,
)
