import type { Artifact } from '../artifact'

/** Validates a monitoring artifact (to be implemented by its owner). */
export async function validateMonitoring(_artifact: Artifact): Promise<string[]> {
  return []
}
