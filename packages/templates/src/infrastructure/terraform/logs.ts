import type { ResolvedPlatform } from '@verticals/config-schema'
import { PlatformError } from '@verticals/config-schema'
import { days } from '../quantity'

// The only retention periods CloudWatch Logs accepts, in days (an AWS list, not a platform setting).
const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]

/**
 * `monitoring.logRetention` as a CloudWatch retention: the shortest accepted period that still keeps
 * logs as long as configured. Logs can hold personal data, so they never default to "never expire".
 */
export function logRetentionDays(platform: ResolvedPlatform): number {
  const wanted = days(platform.monitoring.logRetention)
  const accepted = CLOUDWATCH_RETENTION_DAYS.find((d) => d >= wanted)
  if (accepted === undefined) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `monitoring.logRetention of ${wanted} days is longer than CloudWatch Logs keeps logs`,
      {
        hint: `Use at most ${CLOUDWATCH_RETENTION_DAYS.at(-1)} days, or export logs to S3 for longer retention.`,
      },
    )
  }
  return accepted
}
