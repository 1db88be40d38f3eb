import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix, verticalLabels } from '../names'

/** Name of the vertical's PriorityClass (cluster-scoped, so prefixed like its cloud resources). */
export const priorityClassName = (platform: ResolvedPlatform, vertical: Vertical) =>
  resourcePrefix(platform, vertical)

/**
 * The PriorityClass every workload of the vertical runs at (`compute.priority`): under node pressure
 * the scheduler keeps these pods before best-effort ones. Never the cluster's default class.
 */
export function priorityClass(platform: ResolvedPlatform, vertical: Vertical): Record<string, unknown> {
  return {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: priorityClassName(platform, vertical), labels: verticalLabels(platform, vertical) },
    value: platform.compute.priority,
    globalDefault: false,
    // No `description`: kubernetes-models drops it from its schema (a property named like the schema
    // keyword), so the strict check would report it as unknown although the API server accepts it.
    preemptionPolicy: 'PreemptLowerPriority',
  }
}
