import type { ResolvedPlatform } from '@verticals/config-schema'

/** Severity names from the most urgent (shortest respondWithin) to the least; ties keep config order. */
export function severitiesByUrgency(platform: ResolvedPlatform): string[] {
  return Object.entries(platform.incidents.severities)
    .map(([name, s], index) => ({ name, respond: s.respondWithin, index }))
    .sort((a, b) => a.respond - b.respond || a.index - b.index)
    .map((s) => s.name)
}

/**
 * The severities of burn-rate alerts. The config has no field for them, so: a page is the most urgent
 * severity; a ticket is the middle one of the urgency order (`medium` of critical/high/medium/low),
 * i.e. something a person looks at within the working day, not at night.
 */
export function burnRateSeverities(platform: ResolvedPlatform): { page: string; ticket: string } {
  const order = severitiesByUrgency(platform)
  return { page: order[0] as string, ticket: order[Math.floor(order.length / 2)] as string }
}
