import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Vertical } from '../names'
import { resourcePrefix } from '../names'
import { days } from '../quantity'

/**
 * What audit-anchors.tf prints: the bucket that keeps the signed heads of the vertical's audit chains
 * (`@verticals/core/s3`'s s3AnchorSink) under Object Lock in compliance mode for audit.anchor.retention,
 * so no one, the account's root included, can delete or replace an anchor before then.
 */
export function auditAnchorsView(platform: ResolvedPlatform, vertical: Vertical) {
  const prefix = resourcePrefix(platform, vertical)
  return {
    bucket: `${prefix}-audit-anchors`,
    retentionDays: days(platform.audit.anchor.retention),
  }
}
