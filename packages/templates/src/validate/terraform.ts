import type { Artifact } from '../artifact'

/** Validates a terraform artifact (to be implemented by its owner). */
export async function validateTerraform(_artifact: Artifact): Promise<string[]> {
  return []
}
