import { PlatformError } from './errors'
import { deepFreeze } from './resolve'
import type { ResolvedPlatform, VerticalPlacement } from './resolved'
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
  const own = declaredVertical(platform, vertical)
  return deepFreeze({ ...platform, verticals: { [vertical]: own }, placements: placementsRecord(platform) })
}

function declaredVertical(platform: ResolvedPlatform, vertical: string) {
  const own = platform.verticals[vertical]
  if (own === undefined) {
    throw new PlatformError('VERTICAL_UNKNOWN', `vertical "${vertical}" is not declared in platform.yaml`)
  }
  return own
}

// Every view of a platform holds the same placements: built once per (frozen) platform, not once per
// vertical, as every vertical's view holds every vertical's placement.
const records = new WeakMap<ResolvedPlatform, Readonly<Record<string, VerticalPlacement>>>()
const columnTexts = new WeakMap<ResolvedPlatform, string>()

function placementsRecord(platform: ResolvedPlatform): Readonly<Record<string, VerticalPlacement>> {
  const cached = records.get(platform)
  if (cached) return cached
  const record = deepFreeze(
    Object.fromEntries(
      placementsOf(platform).map(({ name, enabled, platformWideErasure, dataStores }) => [
        name,
        {
          name,
          enabled,
          platformWideErasure,
          dataStores: { postgres: dataStores.postgres, redis: dataStores.redis },
        },
      ]),
    ),
  )
  if (Object.isFrozen(platform)) records.set(platform, record)
  return record
}

/** The placements as a view writes them: one array per field, in config order, each on one line. */
interface PlacementColumns {
  readonly enabled: readonly boolean[]
  readonly name: readonly string[]
  readonly platformWideErasure: readonly boolean[]
  readonly postgres: readonly string[]
  readonly redis: readonly string[]
}

// A column per field rather than an object per vertical: every view holds every vertical's placement,
// so its size is what grows with the square of the number of verticals (some 45 bytes and one line
// per vertical per view this way, against 240 bytes and ten lines as pretty-printed objects).
function placementColumnsText(platform: ResolvedPlatform): string {
  const cached = columnTexts.get(platform)
  if (cached !== undefined) return cached
  const all = placementsOf(platform)
  const columns: PlacementColumns = {
    enabled: all.map((v) => v.enabled),
    name: all.map((v) => v.name),
    platformWideErasure: all.map((v) => v.platformWideErasure),
    postgres: all.map((v) => v.dataStores.postgres),
    redis: all.map((v) => v.dataStores.redis),
  }
  const lines = Object.entries(columns).map(([key, values]) => `    "${key}": ${JSON.stringify(values)}`)
  const text = `{\n${lines.join(',\n')}\n  }`
  if (Object.isFrozen(platform)) columnTexts.set(platform, text)
  return text
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
 * The placements are written beside the platform as columns (one line each), read back by readVerticalView.
 */
export function serializeVerticalView(platform: ResolvedPlatform, vertical: string): string {
  const own = declaredVertical(platform, vertical)
  const { head, tail } = viewFrame(platform)
  const name = JSON.stringify(vertical)
  const ownJson = JSON.stringify(sortKeys(own), null, 2).replaceAll('\n', `\n${' '.repeat(6)}`)
  return `${head}\n    "verticals": {\n      ${name}: ${ownJson}\n    }${tail}${name}\n}\n`
}

// What every view of a platform shares: its text but for the vertical's own entry and name. The
// shared sections (data classes, markets, tiers, consent...) are most of a view; a platform of 100
// verticals serialized them 100 times.
const frames = new WeakMap<ResolvedPlatform, { head: string; tail: string }>()

function viewFrame(platform: ResolvedPlatform): { head: string; tail: string } {
  const cached = frames.get(platform)
  if (cached) return cached
  const { placements: _, ...shared } = platform
  const document = {
    apiVersion: 'verticals/v1',
    kind: RESOLVED_VIEW_KIND,
    vertical: '',
    platform: { ...shared, verticals: {} },
  }
  const text = JSON.stringify(sortKeys(document), null, 2)
  // JSON strings hold no raw newline, so a line's indent says its depth: the document's own keys sit
  // at two spaces, the platform's at four, and each of these lines occurs once.
  const [before, after] = text.split('\n    "verticals": {}')
  const emptyName = '""\n}'
  if (before === undefined || after === undefined || !after.endsWith(emptyName)) {
    throw new Error('a view did not serialize as its frame expects')
  }
  const columns = placementColumnsText(platform)
  const frame = {
    head: before.replace('\n  "platform": ', () => `\n  "placements": ${columns},\n  "platform": `),
    tail: after.slice(0, -emptyName.length),
  }
  if (Object.isFrozen(platform)) frames.set(platform, frame)
  return frame
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
  const placements = placementsFromColumns(value.placements, vertical)
  if (placements === undefined) {
    return {
      ok: false,
      problem:
        'its placements are not five columns of one length (enabled, name, platformWideErasure, postgres, redis) naming it',
    }
  }
  const withPlacements = { ...platform, placements }
  const view = {
    apiVersion,
    kind: RESOLVED_VIEW_KIND,
    vertical,
    platform: withPlacements,
  } as unknown as ResolvedView
  return { ok: true, view: deepFreeze(view) }
}

const isArrayOf = <T>(value: unknown, is: (item: unknown) => item is T): value is T[] =>
  Array.isArray(value) && value.every(is)
const isString = (item: unknown): item is string => typeof item === 'string'
const isBoolean = (item: unknown): item is boolean => typeof item === 'boolean'

// The placements record back from the columns serializeVerticalView writes; undefined when they are not those.
function placementsFromColumns(
  value: unknown,
  vertical: string,
): Record<string, VerticalPlacement> | undefined {
  if (!isRecord(value)) return undefined
  const { enabled, name, platformWideErasure, postgres, redis } = value
  if (
    !isArrayOf(name, isString) ||
    !isArrayOf(enabled, isBoolean) ||
    !isArrayOf(platformWideErasure, isBoolean)
  ) {
    return undefined
  }
  if (!isArrayOf(postgres, isString) || !isArrayOf(redis, isString)) return undefined
  const lengths = new Set([enabled.length, platformWideErasure.length, postgres.length, redis.length])
  if (lengths.size !== 1 || !lengths.has(name.length) || new Set(name).size !== name.length) return undefined
  if (!name.includes(vertical)) return undefined
  return Object.fromEntries(
    name.map((vertical, i) => [
      vertical,
      {
        name: vertical,
        enabled: enabled[i] as boolean,
        platformWideErasure: platformWideErasure[i] as boolean,
        dataStores: { postgres: postgres[i] as string, redis: redis[i] as string },
      },
    ]),
  )
}
