import { PlatformError } from './errors'
import { deepFreeze } from './resolve'
import type { ResolvedPlatform } from './resolved'
import { SUPPORTED_API_VERSIONS } from './schema/platform'
import { placementsOf } from './tenancy'

/** `kind` of the document that carries one vertical's resolved view of the platform. */
export const RESOLVED_VIEW_KIND = 'ResolvedPlatformView'

/** The document a vertical's runtime ConfigMap carries and `loadPlatformConfig` reads back. */
export interface ResolvedView {
  readonly apiVersion: (typeof SUPPORTED_API_VERSIONS)[number]
  readonly kind: typeof RESOLVED_VIEW_KIND
  readonly vertical: string
  readonly platform: ResolvedPlatform
}

/**
 * What one vertical resolves: the whole platform with `verticals` cut down to that vertical, so
 * another vertical's edit never changes it, and every vertical's `placements`: only which stores it is
 * on and whether it erases platform-wide (a deployed service asks the others to erase; editing
 * anything else of theirs changes nothing here). Shared sections stay whole: the runtime sizes its histograms from
 * every tier and market and redacts every declared field, as the bundles assume.
 */
export function verticalView(platform: ResolvedPlatform, vertical: string): ResolvedPlatform {
  const own = platform.verticals[vertical]
  if (own === undefined) {
    throw new PlatformError('VERTICAL_UNKNOWN', `vertical "${vertical}" is not declared in platform.yaml`)
  }
  const placements = Object.fromEntries(
    placementsOf(platform).map(({ name, enabled, platformWideErasure, dataStores }) => [
      name,
      { name, enabled, platformWideErasure, dataStores },
    ]),
  )
  return deepFreeze({ ...platform, verticals: { [vertical]: own }, placements })
}

// Recursively sorted keys: the same view always gives the same bytes, whatever the insertion order.
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])
    return Object.fromEntries(entries)
  }
  return value
}

/**
 * Canonical JSON (sorted keys, two-space indent, trailing newline) of a vertical's view: it depends
 * on what the vertical resolves and nothing else, not on comments, formatting or other verticals.
 */
export function serializeVerticalView(platform: ResolvedPlatform, vertical: string): string {
  const view: ResolvedView = {
    apiVersion: 'verticals/v1',
    kind: RESOLVED_VIEW_KIND,
    vertical,
    platform: verticalView(platform, vertical),
  }
  return `${JSON.stringify(sortKeys(view), null, 2)}\n`
}

/** The outcome of reading a view: not one at all, a view, or why it cannot be used. */
export type ReadViewResult = { ok: true; view: ResolvedView } | { ok: false; problem: string } | undefined

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads text written by `serializeVerticalView`. `undefined` when the text is not such a document
 * (a platform.yaml, even one written as JSON), so callers fall back to `parse`.
 */
export function readVerticalView(text: string): ReadViewResult {
  if (!text.trimStart().startsWith('{')) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(value) || value.kind !== RESOLVED_VIEW_KIND) return undefined
  const { apiVersion, vertical, platform } = value
  if (!SUPPORTED_API_VERSIONS.includes(apiVersion as never)) {
    return { ok: false, problem: `apiVersion ${JSON.stringify(apiVersion)} is not one this release reads` }
  }
  if (typeof vertical !== 'string') return { ok: false, problem: 'it names no vertical' }
  const verticals = isRecord(platform) && isRecord(platform.verticals) ? platform.verticals : undefined
  const names = Object.keys(verticals ?? {})
  if (!isRecord(platform) || !isRecord(platform.metadata) || names.length !== 1 || names[0] !== vertical) {
    return { ok: false, problem: `its platform is not the view of vertical "${vertical}" alone` }
  }
  const view = { apiVersion, kind: RESOLVED_VIEW_KIND, vertical, platform } as unknown as ResolvedView
  return { ok: true, view: deepFreeze(view) }
}
