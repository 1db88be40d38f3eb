import { DEFAULT_WORKLOADS } from './presets'
import type { ResolvedWorkload } from './resolved'
import type { PlatformConfig } from './schema/platform'

/** A vertical's workloads (its own, or the preset default), each with compute defaults and its overrides applied. */
export function resolveWorkloads(
  config: PlatformConfig,
  vertical: string,
  source: PlatformConfig['verticals'][string],
) {
  const workloads: Record<string, ResolvedWorkload> = {}
  for (const [name, w] of Object.entries(source.workloads ?? DEFAULT_WORKLOADS)) {
    const workload = w as NonNullable<PlatformConfig['verticals'][string]['workloads']>[string]
    workloads[name] = {
      name,
      kind: workload.kind,
      description: workload.description ?? null,
      port: config.compute.port,
      image: {
        repository: `${config.compute.image.registry}/${vertical}-${name}`,
        tag: config.compute.image.tag,
      },
      resources: structuredClone(config.compute.resources),
      probes: structuredClone(config.compute.probes),
      rollingUpdate: { ...config.compute.rollingUpdate },
      autoscaling: { ...structuredClone(config.compute.autoscaling), ...workload.autoscaling },
      schedule: { ...structuredClone(config.compute.schedule), ...workload.schedule },
      queueDepthTarget: workload.queueDepthTarget ?? null,
      scrapeInterval: workload.scrapeInterval ?? config.monitoring.scrapeInterval,
    }
  }
  return workloads
}
