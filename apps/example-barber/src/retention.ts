import type { ResolvedPlatform } from '@verticals/config-schema'
import type { Platform } from '@verticals/core'
import type { Store } from './store'

/** The record class of the app's bookings table in platform.yaml. */
export const BOOKINGS_RECORD_CLASS = 'bookings'

/**
 * Retention of the app's own bookings table, by the `bookings` record class of platform.yaml
 * (core's retention covers the platform's tables only): what the records of processing promise
 * for bookings is what happens to these rows. Each run is audited.
 */
export async function retainBookings(
  config: ResolvedPlatform,
  platform: Platform,
  store: Store,
  now: Date = new Date(),
): Promise<{ rows: number; cutoff: Date }> {
  const rule = config.retention.recordClasses[BOOKINGS_RECORD_CLASS]
  if (rule === undefined) return { rows: 0, cutoff: now }
  const cutoff = new Date(now.getTime() - rule.keep * 1000)
  let rows = 0
  // Batches of retention.batchSize, each its own statement, so a long backlog never holds locks for long.
  for (;;) {
    const done = await store.retainBookings(cutoff, rule.action, config.retention.batchSize)
    rows += done
    if (done < config.retention.batchSize) break
  }
  await platform.audit.append({
    type: 'system.retention.bookings',
    actor: 'barber-api',
    data: { action: rule.action, rows, cutoff: cutoff.toISOString() },
  })
  return { rows, cutoff }
}
