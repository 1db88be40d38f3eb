import { parse } from '@cdktf/hcl2json'
import type { Artifact } from '../artifact'

/** Parses a .tf file with @cdktf/hcl2json (HashiCorp's HCL parser compiled to WebAssembly). */
export async function parseTerraform(
  artifact: Pick<Artifact, 'path' | 'content'>,
): Promise<Record<string, unknown>> {
  return (await parse(artifact.path, artifact.content)) as Record<string, unknown>
}

/** Validates a Terraform artifact: it must parse as HCL into at least one top-level block. */
export async function validateTerraform(artifact: Artifact): Promise<string[]> {
  try {
    const parsed = await parseTerraform(artifact)
    return Object.keys(parsed).length === 0 ? ['the file declares nothing'] : []
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)]
  }
}
