// Test support: the example platform's monitoring bundle. Not exported from the package.
import type { ResolvedPlatform, ResolvedVertical } from '@verticals/config-schema'
import type { Artifact } from '../artifact'
import { exampleSource } from '../infrastructure/testing'
import { createTextEngine } from '../text/engine'
import { monitoringBundle, platformMonitoringBundle } from './index'

/** The monitoring artifacts of every enabled vertical of a platform, and the platform-wide ones. */
export function buildAllMonitoring(platform: ResolvedPlatform): Artifact[] {
  const text = createTextEngine()
  const source = exampleSource()
  return Object.values(platform.verticals)
    .filter((v) => v.enabled)
    .flatMap((vertical) =>
      monitoringBundle({ platform, vertical: vertical as ResolvedVertical, source, text, migrations: [] }),
    )
    .concat(platformMonitoringBundle(platform))
}
