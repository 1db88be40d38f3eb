import type { ResolvedPlatform } from './resolved'

// The parts of a ResolvedPlatform as consumers see them: deeply readonly, like the whole.
// (resolved.ts keeps the mutable shapes that resolve() builds before freezing.)

/** One vertical of a resolved platform. */
export type ResolvedVertical = ResolvedPlatform['verticals'][string]
/** One workload (Deployment) of a resolved vertical. */
export type ResolvedWorkload = ResolvedVertical['workloads'][string]
/** One data class with its privacy category and TTLs. */
export type ResolvedDataClass = ResolvedPlatform['dataClasses'][string]
/** One consent purpose with its legal basis and validity. */
export type ResolvedPurpose = ResolvedPlatform['consent']['purposes'][string]
/** One market with its latency objective. */
export type ResolvedMarket = ResolvedPlatform['markets'][string]
/** One region with the country that hosts it. */
export type ResolvedRegion = ResolvedPlatform['regions'][number]
