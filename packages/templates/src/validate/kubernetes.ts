import type { Artifact } from '../artifact'

/** Validates a kubernetes artifact (to be implemented by its owner). */
export async function validateKubernetes(_artifact: Artifact): Promise<string[]> {
  return []
}
