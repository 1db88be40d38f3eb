import { createHash } from 'node:crypto'
import { PlatformError, type ResolvedPlatform, serializeVerticalView } from '@verticals/config-schema'
import { CONFIG_MOUNT } from '@verticals/observability'
import { toJson } from '../../serialize'
import type { Vertical } from '../names'
import { verticalLabels } from '../names'

/** Key of the ConfigMap entry that holds a readable summary of the vertical's runtime settings. */
export const RUNTIME_CONFIG_KEY = CONFIG_MOUNT.runtimeFile

/**
 * Key of the ConfigMap entry that VERTICALS_CONFIG names: the vertical's resolved view of platform.yaml
 * (canonical JSON), which @verticals/core's loadPlatformConfig reads at start-up.
 */
export const PLATFORM_CONFIG_KEY = CONFIG_MOUNT.configFile

// Kubernetes refuses a ConfigMap whose data exceeds 1 MiB; say so at generation, not at apply.
const CONFIGMAP_MAX_BYTES = 1024 * 1024

/** Directory the ConfigMap is mounted at in every container. */
export const RUNTIME_CONFIG_DIR = CONFIG_MOUNT.dir

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

/**
 * The ConfigMap's data: the vertical's resolved view and the settings summary. Both depend only on what
 * the vertical resolves, so comments, layout and other verticals' edits leave them byte for byte alone.
 */
export function runtimeConfigData(platform: ResolvedPlatform, vertical: Vertical): Record<string, string> {
  const data = {
    [RUNTIME_CONFIG_KEY]: toJson(runtimeSettings(platform, vertical)),
    [PLATFORM_CONFIG_KEY]: serializeVerticalView(platform, vertical.name),
  }
  const bytes = Object.entries(data).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0)
  if (bytes > CONFIGMAP_MAX_BYTES) {
    throw new PlatformError(
      'OUTPUT_INVALID',
      `the ConfigMap ${runtimeConfigName(vertical)} would hold ${bytes} bytes; Kubernetes accepts at most ${CONFIGMAP_MAX_BYTES}`,
      {
        hint: 'Fewer data classes, purposes or markets would shrink it: the view holds every shared section.',
      },
    )
  }
  return data
}

/** SHA-256 of the ConfigMap's data; the Deployment's pod template carries it, so a config change rolls the pods. */
export function runtimeConfigChecksum(data: Readonly<Record<string, string>>): string {
  return createHash('sha256').update(toJson(data)).digest('hex')
}

/**
 * The checksum of a vertical's runtime config: its pods' `verticals.dev/config-sha256` annotation and
 * its `configSha256` in manifest.json, so a published version changes only when its vertical does.
 */
export function verticalConfigChecksum(platform: ResolvedPlatform, vertical: Vertical): string {
  return configChecksumOf(platform, vertical)
}

// Checksums by platform and vertical: the Deployments need one while the bundle is rendered and the
// generator's manifest asks again after, and building the runtime config behind it (the vertical's
// whole view as JSON) took some 0.7 ms a vertical. Kept only for a frozen pair (parse deep-freezes the platform),
// which cannot change under the same identity.
const checksums = new WeakMap<ResolvedPlatform, WeakMap<Vertical, string>>()

/** The vertical's runtime config checksum, from `data` when the caller has built it already. */
export function configChecksumOf(
  platform: ResolvedPlatform,
  vertical: Vertical,
  data?: Readonly<Record<string, string>>,
): string {
  const known = checksums.get(platform)?.get(vertical)
  if (known !== undefined) return known
  const checksum = runtimeConfigChecksum(data ?? runtimeConfigData(platform, vertical))
  if (Object.isFrozen(platform) && Object.isFrozen(vertical)) {
    const ofPlatform = checksums.get(platform) ?? new WeakMap<Vertical, string>()
    checksums.set(platform, ofPlatform.set(vertical, checksum))
  }
  return checksum
}

/**
 * The ConfigMap `<vertical>-platform`: `resolved.json` is the vertical's resolved view, validated and
 * resolved once by the generator (services load it with loadPlatformConfig, so runtime and bundle share
 * one config), and `platform.json` summarizes what the runtime enforces, for people and tools.
 */
export function runtimeConfigMap(
  platform: ResolvedPlatform,
  vertical: Vertical,
  data: Readonly<Record<string, string>>,
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: runtimeConfigName(vertical),
      namespace: vertical.namespace,
      labels: verticalLabels(platform, vertical),
    },
    data,
  }
}
