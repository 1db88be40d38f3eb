import type { ResolvedPlatform } from '@verticals/config-schema'
import { toJson } from '../../serialize'
import type { Vertical } from '../names'
import { verticalLabels } from '../names'

/** Key of the ConfigMap entry that holds the runtime settings. */
export const RUNTIME_CONFIG_KEY = 'platform.json'

/** Directory the ConfigMap is mounted at in every container. */
export const RUNTIME_CONFIG_DIR = '/etc/verticals'

/** Name of the vertical's runtime ConfigMap. */
export const runtimeConfigName = (vertical: Vertical) => `${vertical.name}-platform`

/**
 * The settings @verticals/core needs at run time, for this vertical only: Redis and CDN TTLs per data
 * class (seconds; 0 = never cached), consent purposes, retention classes and DSR deadlines (seconds).
 */
export function runtimeSettings(platform: ResolvedPlatform, vertical: Vertical): Record<string, unknown> {
  const classes = vertical.dataClasses
    .map((name) => platform.dataClasses[name])
    .filter((c) => c !== undefined)
  const purposes = vertical.purposes
    .map((name) => platform.consent.purposes[name])
    .filter((p) => p !== undefined)
  return {
    apiVersion: 'verticals/v1',
    kind: 'RuntimeSettings',
    platform: platform.metadata.name,
    vertical: vertical.name,
    specialCategories: vertical.specialCategories,
    dataClasses: Object.fromEntries(
      classes.map((c) => [
        c.name,
        {
          category: c.category,
          special: c.special,
          fields: c.fields,
          storage: c.storage,
          recordClass: c.recordClass,
        },
      ]),
    ),
    cache: {
      ttl: Object.fromEntries(classes.map((c) => [c.name, c.cacheTtl])),
      cdnTtl: Object.fromEntries(classes.map((c) => [c.name, c.cdnTtl])),
      timeout: platform.cache.timeout,
      jitter: platform.cache.jitter,
      maxValueSize: platform.cache.maxValueSize,
      circuitBreaker: platform.cache.circuitBreaker,
    },
    consent: {
      textVersion: platform.consent.textVersion,
      maxValidity: platform.consent.maxValidity,
      purposes: Object.fromEntries(
        purposes.map((p) => [
          p.name,
          {
            legalBasis: p.legalBasis,
            explicit: p.explicit,
            validity: p.validity,
            dataClasses: p.dataClasses,
            special: p.special,
          },
        ]),
      ),
    },
    retention: {
      batchSize: platform.retention.batchSize,
      runEvery: platform.retention.runEvery,
      recordClasses: Object.fromEntries(
        // Every class, not only those of the vertical's data: audit events (sign-ins, data access) are kept too.
        Object.entries(platform.retention.recordClasses).map(([name, r]) => [
          name,
          { keep: r.keep, action: r.action },
        ]),
      ),
    },
    dsr: { deadlines: platform.dsr.deadlines, warnAt: platform.dsr.warnAt },
  }
}

/** The ConfigMap `<vertical>-platform` holding the runtime settings as one JSON document. */
export function runtimeConfigMap(platform: ResolvedPlatform, vertical: Vertical): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: runtimeConfigName(vertical),
      namespace: vertical.namespace,
      labels: verticalLabels(platform, vertical),
    },
    data: { [RUNTIME_CONFIG_KEY]: toJson(runtimeSettings(platform, vertical)) },
  }
}
