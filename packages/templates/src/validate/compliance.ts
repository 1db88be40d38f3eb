import type { Artifact } from '../artifact'

/** Validates a compliance artifact (to be implemented by its owner). */
export async function validateCompliance(_artifact: Artifact): Promise<string[]> {
  return []
}
