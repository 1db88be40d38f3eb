import { parse } from '@cdktf/hcl2json'
import type { Artifact } from '../artifact'
import { awsProviderSchema } from './aws-provider-schema'
import { checkTerraformBlocks } from './terraform-blocks'
import { checkTerraformReferences } from './terraform-references'

type Parsed = Record<string, unknown>

/** Parses a .tf file with @cdktf/hcl2json (HashiCorp's HCL parser compiled to WebAssembly). */
export async function parseTerraform(artifact: Pick<Artifact, 'path' | 'content'>): Promise<Parsed> {
  return (await parse(artifact.path, artifact.content)) as Parsed
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

// validateArtifacts() hands the same (readonly) artifact to the per-file and per-module checks:
// parse it once.
const parsedOnce = new WeakMap<Artifact, Promise<Parsed>>()
function parseOnce(artifact: Artifact): Promise<Parsed> {
  let parsed = parsedOnce.get(artifact)
  if (!parsed) {
    parsed = parseTerraform(artifact)
    parsedOnce.set(artifact, parsed)
  }
  return parsed
}

/**
 * Validates one .tf file: it must parse as HCL into at least one top-level block, and every block
 * must fit the AWS provider's schema (resource types, arguments, nested blocks, required ones).
 */
export async function validateTerraform(artifact: Artifact): Promise<string[]> {
  let parsed: Parsed
  try {
    parsed = await parseOnce(artifact)
  } catch (error) {
    return [describe(error)]
  }
  if (Object.keys(parsed).length === 0) return ['the file declares nothing']
  return checkTerraformBlocks(parsed, await awsProviderSchema())
}

const directory = (path: string) => path.slice(0, path.lastIndexOf('/') + 1)

/**
 * Checks the references of each root module (the .tf files of one directory) across its files:
 * each names a declared variable, local, module, data block, provider alias or resource, and an
 * attribute its type has. Files that do not parse are left to validateTerraform.
 */
export async function validateTerraformModules(
  artifacts: readonly Artifact[],
): Promise<{ path: string; message: string }[]> {
  const modules = new Map<string, Parsed[]>()
  for (const artifact of artifacts) {
    if (artifact.kind !== 'terraform') continue
    const parsed = await parseOnce(artifact).catch(() => undefined)
    if (!parsed) continue
    const dir = directory(artifact.path)
    modules.set(dir, [...(modules.get(dir) ?? []), parsed])
  }
  const schema = await awsProviderSchema()
  return [...modules].flatMap(([dir, files]) =>
    checkTerraformReferences(files, schema).map((message) => ({ path: dir, message })),
  )
}
