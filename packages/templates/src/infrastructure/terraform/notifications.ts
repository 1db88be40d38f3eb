import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'

/**
 * What the notifications template prints: one SNS topic per region the module has alarms in.
 * CloudWatch publishes an alarm only to a topic in the alarm's own region, so the DR region's alarms
 * (the replica's lag) get a topic there. Each topic is encrypted with a key CloudWatch may use.
 */
export function notificationsView(platform: ResolvedPlatform, vertical: Vertical) {
  return topicsView(platform, resourcePrefix(platform, vertical))
}

/** The alarm topics of a module whose resources are named `<prefix>-...` (a vertical's or a shared store's). */
export function topicsView(platform: ResolvedPlatform, prefix: string) {
  return {
    topic: `${prefix}-alarms`,
    kmsDescription: `${prefix} alarm notifications`,
    dr: platform.drRegion
      ? {
          region: platform.drRegion.name,
          topic: `${prefix}-alarms-${platform.drRegion.name}`,
          kmsDescription: `${prefix} alarm notifications in ${platform.drRegion.name}`,
        }
      : null,
  }
}
