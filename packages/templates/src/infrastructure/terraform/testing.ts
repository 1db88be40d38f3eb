// Test support: a vertical's Terraform root module, parsed. Not exported from the package.
import type { ResolvedPlatform } from '@verticals/config-schema'
import { parseTerraform } from '../../validate/terraform'
import { buildAll } from '../testing'

/** A block of parsed HCL. */
export type Block = Record<string, unknown>

/** The parsed files of one root module, merged. */
export type Module = {
  resource: Record<string, Record<string, Block[]>>
  provider: Record<string, Block[]>
  variable: Record<string, Block[]>
}

/** All files of a vertical's root module merged into one parsed HCL document. */
export async function moduleOf(platform: ResolvedPlatform, vertical: string): Promise<Module> {
  const merged: Module = { resource: {}, provider: {}, variable: {} }
  for (const artifact of buildAll(platform).filter(
    (a) => a.kind === 'terraform' && a.vertical === vertical,
  )) {
    const parsed = (await parseTerraform(artifact)) as Partial<Module>
    for (const [type, byName] of Object.entries(parsed.resource ?? {}))
      merged.resource[type] = { ...merged.resource[type], ...byName }
    Object.assign(merged.provider, parsed.provider)
    Object.assign(merged.variable, parsed.variable)
  }
  return merged
}

/** hcl2json writes references as interpolations: ref('aws.dr') is the string "${aws.dr}". */
export const ref = (expression: string) => `${'$'}{${expression}}`

/** The one resource of a type and name; throws when there is none. */
export function one(m: Module, type: string, name: string): Block {
  const block = m.resource[type]?.[name]?.[0]
  if (!block) throw new Error(`no resource ${type}.${name}`)
  return block
}
