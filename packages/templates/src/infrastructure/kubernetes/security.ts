import type { ResolvedPlatform } from '@verticals/config-schema'
import { memoryQuantity } from '../quantity'

// The security settings every generated pod and container carries. They satisfy Pod Security Admission
// `restricted` and the Polaris/Checkov checks of "danger" level; tests assert each one on every workload.

/**
 * Pod-level security context: the numeric user and group of `compute.runAs` (a named USER cannot be
 * checked against runAsNonRoot), the group owning the mounted volumes, the default seccomp profile.
 */
export function podSecurityContext(platform: ResolvedPlatform): Record<string, unknown> {
  const { user, group } = platform.compute.runAs
  return {
    runAsNonRoot: true,
    runAsUser: user,
    runAsGroup: group,
    fsGroup: group,
    seccompProfile: { type: 'RuntimeDefault' },
  }
}

/** Container-level security context: its user and group, read-only root, no escalation, no capabilities. */
export function containerSecurityContext(platform: ResolvedPlatform): Record<string, unknown> {
  const { user, group } = platform.compute.runAs
  return {
    runAsNonRoot: true,
    runAsUser: user,
    runAsGroup: group,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  }
}

/** A writable, pod-private /tmp (the root filesystem is read-only), no larger than `compute.tmpSize`. */
export function tmpVolume(platform: ResolvedPlatform): Record<string, unknown> {
  return { name: 'tmp', emptyDir: { sizeLimit: memoryQuantity(platform.compute.tmpSize) } }
}

/** Where the /tmp volume is mounted. */
export const TMP_MOUNT = { name: 'tmp', mountPath: '/tmp' } as const
