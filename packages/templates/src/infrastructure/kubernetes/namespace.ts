import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { LABELS, verticalLabels } from '../names'

const PSA_MODES = ['enforce', 'audit', 'warn'] as const

/** Whether the vertical processes special-category data (health, biometrics): it gets stricter policies. */
export const handlesSpecialData = (vertical: Vertical) => vertical.specialCategories.length > 0

/**
 * The vertical's Namespace with Pod Security Admission `restricted` in every mode. A vertical with
 * special-category data is labelled so (policy engines and audits can select it) and says which.
 */
export function namespace(platform: ResolvedPlatform, vertical: Vertical): Record<string, unknown> {
  const special = handlesSpecialData(vertical)
  const labels: Record<string, string> = { ...verticalLabels(platform, vertical) }
  for (const mode of PSA_MODES) labels[`pod-security.kubernetes.io/${mode}`] = 'restricted'
  if (special) labels[LABELS.specialCategory] = 'true'
  if (vertical.dpiaRequired) labels[LABELS.dpiaRequired] = 'true'
  const metadata: Record<string, unknown> = { name: vertical.namespace, labels }
  if (special) metadata.annotations = { [LABELS.specialCategories]: vertical.specialCategories.join(',') }
  return { apiVersion: 'v1', kind: 'Namespace', metadata }
}
