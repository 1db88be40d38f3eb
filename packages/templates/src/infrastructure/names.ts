import type {
  DeepReadonly,
  ResolvedPlatform,
  ResolvedVertical,
  ResolvedWorkload,
} from '@verticals/config-schema'
import { PlatformError } from '@verticals/config-schema'

/** The value of the `app.kubernetes.io/managed-by` label and of the `managed-by` cloud tag. */
export const MANAGER = 'verticals'

/** Label and annotation keys of our own, under one domain so they never clash with others'. */
export const LABELS = {
  vertical: 'verticals.dev/vertical',
  specialCategory: 'verticals.dev/special-category',
  specialCategories: 'verticals.dev/special-categories',
  dpiaRequired: 'verticals.dev/dpia-required',
} as const

/** A vertical as builders read it: deeply readonly, like the platform it comes from. */
export type Vertical = DeepReadonly<ResolvedVertical>

/** A workload as builders read it. */
export type Workload = DeepReadonly<ResolvedWorkload>

const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/

/**
 * The vertical's name becomes a directory of the bundle, so it must be a plain DNS label: a value that
 * could climb out of the bundle (`..`, `/`) or break a line is refused rather than escaped.
 */
export function assertPathSafe(vertical: Vertical): void {
  if (!DNS_LABEL.test(vertical.name)) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `vertical name ${JSON.stringify(vertical.name)} cannot name a bundle directory`,
      {
        hint: 'Vertical names are lowercase DNS labels such as "barber"; platform.yaml validation enforces this.',
      },
    )
  }
}

/** `<platform>-<vertical>`: the prefix of every cloud resource name of the vertical. */
export function resourcePrefix(platform: ResolvedPlatform, vertical: Vertical): string {
  return `${platform.metadata.name}-${vertical.name}`
}

/** Labels that select a workload's pods; they never change over its life (selectors are immutable). */
export function selectorLabels(vertical: Vertical, workload: Workload): Record<string, string> {
  return {
    'app.kubernetes.io/name': workload.name,
    'app.kubernetes.io/instance': `${vertical.name}-${workload.name}`,
  }
}

/** The recommended `app.kubernetes.io/*` labels of a workload's objects. */
export function workloadLabels(
  platform: ResolvedPlatform,
  vertical: Vertical,
  workload: Workload,
): Record<string, string> {
  return {
    ...selectorLabels(vertical, workload),
    'app.kubernetes.io/component': workload.kind,
    'app.kubernetes.io/part-of': platform.metadata.name,
    'app.kubernetes.io/version': workload.image.tag,
    'app.kubernetes.io/managed-by': MANAGER,
    [LABELS.vertical]: vertical.name,
  }
}

/** Labels of objects that belong to the vertical rather than to one workload. */
export function verticalLabels(platform: ResolvedPlatform, vertical: Vertical): Record<string, string> {
  return {
    'app.kubernetes.io/part-of': platform.metadata.name,
    'app.kubernetes.io/managed-by': MANAGER,
    [LABELS.vertical]: vertical.name,
  }
}

/** Workloads in a stable order (by name), so output never depends on config key order. */
export function workloadsOf(vertical: Vertical): Workload[] {
  return Object.values(vertical.workloads).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
