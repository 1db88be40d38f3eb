import type { ResolvedPlatform, VerticalPlacement } from './resolved'

/** The word that, in `verticals.<v>.dataStores`, asks for a store of the vertical's own. */
export const DEDICATED = 'dedicated'

type Stores = ResolvedPlatform['dataStores']
/** PostgreSQL settings of one store (dedicated or shared), every default applied. */
export type PostgresSettings = Stores['postgres']
/** Redis settings of one store (dedicated or shared), every default applied. */
export type RedisSettings = Stores['redis']

/** Where a vertical keeps one kind of data: its own store, or a named shared one, and who else is there. */
export interface StorePlacement<S> {
  /** The shared store's name, or null for a dedicated store. */
  readonly shared: string | null
  /** The store's settings: the shared store's sizing over the platform defaults, or the defaults. */
  readonly settings: S
  /** Enabled verticals in the store, in config order (only this one for a dedicated store). */
  readonly members: readonly string[]
}

/**
 * Every vertical's placement in config order: the platform's verticals or, in one vertical's view,
 * its `placements`, so a deployed service sees the same stores' members as the generator.
 */
export function placementsOf(platform: ResolvedPlatform): readonly VerticalPlacement[] {
  return Object.values(platform.placements ?? platform.verticals)
}

/** A vertical's placement, its own or another's in a view; undefined when the platform knows no such vertical. */
export function placementOf(platform: ResolvedPlatform, vertical: string): VerticalPlacement | undefined {
  return platform.verticals[vertical] ?? platform.placements?.[vertical]
}

type Placements = NonNullable<ResolvedPlatform['placements']> | ResolvedPlatform['verticals']

// The enabled members of every store of a placements record, by `<kind>:<store>`. Each vertical's
// bundle asks for its stores' members several times, so a scan per question would make a generation
// quadratic in the number of verticals. A frozen record (parse deep-freezes the platform) cannot
// change, so its index is built once; an unfrozen one (built by hand) is indexed on each question.
const memberIndexes = new WeakMap<Placements, ReadonlyMap<string, readonly string[]>>()

function memberIndex(placements: Placements): ReadonlyMap<string, readonly string[]> {
  const cached = memberIndexes.get(placements)
  if (cached) return cached
  const index = new Map<string, string[]>()
  let frozen = Object.isFrozen(placements)
  for (const v of Object.values(placements) as VerticalPlacement[]) {
    frozen &&= Object.isFrozen(v) && Object.isFrozen(v.dataStores)
    if (!v.enabled) continue
    for (const key of [`postgres:${v.dataStores.postgres}`, `redis:${v.dataStores.redis}`]) {
      const members = index.get(key)
      if (members) members.push(v.name)
      else index.set(key, [v.name])
    }
  }
  if (frozen) memberIndexes.set(placements, index)
  return index
}

function membersOf(platform: ResolvedPlatform, kind: 'postgres' | 'redis', store: string): readonly string[] {
  return memberIndex(platform.placements ?? platform.verticals).get(`${kind}:${store}`) ?? []
}

/** The PostgreSQL a vertical uses: dedicated (dataStores.postgres) or a shared store's, merged over it. */
export function postgresOf(platform: ResolvedPlatform, vertical: string): StorePlacement<PostgresSettings> {
  const store = placementOf(platform, vertical)?.dataStores.postgres ?? DEDICATED
  const sizing = store === DEDICATED ? undefined : platform.dataStores.shared[store]?.postgres
  if (sizing === undefined) {
    return { shared: null, settings: platform.dataStores.postgres, members: [vertical] }
  }
  return {
    shared: store,
    settings: { ...platform.dataStores.postgres, ...sizing },
    members: membersOf(platform, 'postgres', store),
  }
}

/** The Redis a vertical uses: dedicated (dataStores.redis) or a shared store's, merged over it. */
export function redisOf(platform: ResolvedPlatform, vertical: string): StorePlacement<RedisSettings> {
  const store = placementOf(platform, vertical)?.dataStores.redis ?? DEDICATED
  const sizing = store === DEDICATED ? undefined : platform.dataStores.shared[store]?.redis
  if (sizing === undefined) {
    return { shared: null, settings: platform.dataStores.redis, members: [vertical] }
  }
  const settings = mergeRedis(platform.dataStores.redis, sizing)
  return { shared: store, settings, members: membersOf(platform, 'redis', store) }
}

/**
 * A shared store's Redis over the defaults. Nodes and cluster are one shape: a store that sets either
 * owns both (no cluster unless it sets one), so a clustered default never reshapes a store's nodes.
 */
export function mergeRedis<S extends { nodes: number; cluster?: unknown }>(base: S, sizing: Partial<S>): S {
  const shaped = sizing.nodes !== undefined || sizing.cluster !== undefined
  const merged = { ...base, ...sizing }
  if (shaped && sizing.cluster === undefined) delete merged.cluster
  return merged
}

/** A vertical name as a PostgreSQL identifier part (dashes are not plain identifier characters). */
const ident = (vertical: string) => vertical.replaceAll('-', '_')

/**
 * The PostgreSQL schema and roles a vertical's runtime uses. On a dedicated store: the platform schema
 * `verticals` and the configured roles. On a shared store each member gets its own schema
 * (`verticals_<vertical>`) and roles (`<owner>_<vertical>`, `<app>_<vertical>`), granted nothing in
 * the other members' schemas, so one vertical's service cannot read another's tables.
 */
export function tenancyOf(platform: ResolvedPlatform, vertical: string) {
  const roles = platform.dataStores.postgres.roles
  return {
    schema: memberName(platform, vertical, 'verticals'),
    roles: {
      ...roles,
      owner: memberName(platform, vertical, roles.owner),
      app: memberName(platform, vertical, roles.app),
    },
  }
}

/**
 * A cluster-wide PostgreSQL name (schema or role) as a vertical uses it: `base` on a dedicated store,
 * `<base>_<vertical>` on a shared one, where every member needs its own.
 */
export function memberName(platform: ResolvedPlatform, vertical: string, base: string): string {
  const store = placementOf(platform, vertical)?.dataStores.postgres ?? DEDICATED
  const shared = store !== DEDICATED && platform.dataStores.shared[store]?.postgres !== undefined
  return shared ? `${base}_${ident(vertical)}` : base
}

/**
 * The verticals that erase platform-wide with `vertical` but keep their data in another PostgreSQL
 * store (a dedicated one, or another shared one): another database, which that vertical's service
 * cannot reach, so an erasure there reports them as not reached. Empty when it does not take part.
 */
export function erasureOtherStores(platform: ResolvedPlatform, vertical: string): string[] {
  if (platform.verticals[vertical]?.platformWideErasure !== true) return []
  const known = otherStores.get(platform)?.get(vertical)
  if (known) return [...known]
  const own = postgresOf(platform, vertical)
  const sameStore = new Set(own.shared === null ? [vertical] : own.members)
  const others = placementsOf(platform)
    .filter((v) => !sameStore.has(v.name) && v.enabled && v.platformWideErasure)
    .map((v) => v.name)
  if (Object.isFrozen(platform) && Object.isFrozen(platform.placements ?? platform.verticals)) {
    const ofPlatform = otherStores.get(platform) ?? new Map<string, readonly string[]>()
    otherStores.set(platform, ofPlatform.set(vertical, others))
  }
  return [...others]
}

// erasureOtherStores by platform and vertical: a vertical's bundle asks several times (each
// workload, its role, its DSR and DR documents), and each answer lists every other participant, so
// asking anew made a generation quadratic in the number of verticals. Kept for a frozen platform
// (parse deep-freezes it), whose stores and placements cannot change under the same identity.
const otherStores = new WeakMap<ResolvedPlatform, Map<string, readonly string[]>>()

/** One shared store as the generator and the cost estimate see it: its settings and its members. */
export interface SharedStore {
  readonly name: string
  readonly postgres: StorePlacement<PostgresSettings> | null
  readonly redis: StorePlacement<RedisSettings> | null
}

/** The shared stores that have at least one enabled member, in config order: each is created once. */
export function sharedStores(platform: ResolvedPlatform): SharedStore[] {
  return Object.keys(platform.dataStores.shared)
    .map((name) => {
      const pg = membersOf(platform, 'postgres', name)
      const redis = membersOf(platform, 'redis', name)
      return {
        name,
        postgres: pg[0] === undefined ? null : postgresOf(platform, pg[0]),
        redis: redis[0] === undefined ? null : redisOf(platform, redis[0]),
      }
    })
    .filter((s) => s.postgres !== null || s.redis !== null)
}
