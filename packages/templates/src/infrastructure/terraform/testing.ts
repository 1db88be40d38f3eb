// Test support: a vertical's Terraform root module, parsed. Not exported from the package.
import {
  type PostgresSettings,
  postgresOf,
  type RedisSettings,
  type ResolvedPlatform,
  redisOf,
  sharedStores,
} from '@verticals/config-schema'
import type { Artifact } from '../../artifact'
import { parseTerraform } from '../../validate/terraform'
import { resourcePrefix } from '../names'
import { sharedStoreDir, sharedStorePrefix } from '../shared-stores'
import { buildAll } from '../testing'

/** A block of parsed HCL. */
export type Block = Record<string, unknown>

/** The parsed files of one root module, merged. */
export type Module = {
  resource: Record<string, Record<string, Block[]>>
  data: Record<string, Record<string, Block[]>>
  provider: Record<string, Block[]>
  variable: Record<string, Block[]>
  locals: Block[]
  output: Record<string, Block[]>
}

async function merge(artifacts: readonly Artifact[]): Promise<Module> {
  const merged: Module = { resource: {}, data: {}, provider: {}, variable: {}, locals: [], output: {} }
  for (const artifact of artifacts) {
    const parsed = (await parseTerraform(artifact)) as Partial<Module>
    for (const [type, byName] of Object.entries(parsed.resource ?? {}))
      merged.resource[type] = { ...merged.resource[type], ...byName }
    for (const [type, byName] of Object.entries(parsed.data ?? {}))
      merged.data[type] = { ...merged.data[type], ...byName }
    Object.assign(merged.provider, parsed.provider)
    Object.assign(merged.variable, parsed.variable)
    Object.assign(merged.output, parsed.output)
    merged.locals.push(...(parsed.locals ?? []))
  }
  return merged
}

/** All files of a vertical's root module merged into one parsed HCL document. */
export async function moduleOf(platform: ResolvedPlatform, vertical: string): Promise<Module> {
  return merge(buildAll(platform).filter((a) => a.kind === 'terraform' && a.vertical === vertical))
}

/** All files of a platform-wide root module (under `platform/infrastructure/`), merged. */
export async function platformModuleOf(platform: ResolvedPlatform, directory: string): Promise<Module> {
  const dir = `${directory}/`
  return merge(buildAll(platform).filter((a) => a.kind === 'terraform' && a.path.startsWith(dir)))
}

/** All files of a shared store's root module (`platform/infrastructure/shared/<store>/`), merged. */
export function sharedModuleOf(platform: ResolvedPlatform, store: string): Promise<Module> {
  return platformModuleOf(platform, sharedStoreDir(store))
}

/** A root module that creates one data store: a vertical's own, or a shared store's. */
export interface StoreModule<S> {
  /** `psychology`, or `shared marketplace`. */
  readonly label: string
  /** The prefix of the store's resource names. */
  readonly prefix: string
  readonly settings: S
  /** The verticals whose data it holds. */
  readonly members: readonly string[]
  readonly module: () => Promise<Module>
}

function storeModules<S>(
  platform: ResolvedPlatform,
  placementOf: (vertical: string) => { shared: string | null; settings: S },
  shared: (
    store: ReturnType<typeof sharedStores>[number],
  ) => { settings: S; members: readonly string[] } | null,
): StoreModule<S>[] {
  const own = Object.values(platform.verticals)
    .filter((v) => v.enabled && placementOf(v.name).shared === null)
    .map((v) => ({
      label: v.name,
      prefix: resourcePrefix(platform, v),
      settings: placementOf(v.name).settings,
      members: [v.name],
      module: () => moduleOf(platform, v.name),
    }))
  const stores = sharedStores(platform).flatMap((s) => {
    const placement = shared(s)
    return placement
      ? [
          {
            label: `shared ${s.name}`,
            prefix: sharedStorePrefix(platform, s.name),
            settings: placement.settings,
            members: placement.members,
            module: () => sharedModuleOf(platform, s.name),
          },
        ]
      : []
  })
  return [...own, ...stores]
}

/** Every module that creates a PostgreSQL: the dedicated ones, then each shared store's. */
export function postgresModules(platform: ResolvedPlatform): StoreModule<PostgresSettings>[] {
  return storeModules(
    platform,
    (v) => postgresOf(platform, v),
    (s) => s.postgres,
  )
}

/** Every module that creates a Redis: the dedicated ones, then each shared store's. */
export function redisModules(platform: ResolvedPlatform): StoreModule<RedisSettings>[] {
  return storeModules(
    platform,
    (v) => redisOf(platform, v),
    (s) => s.redis,
  )
}

/** hcl2json writes references as interpolations: ref('aws.dr') is the string "${aws.dr}". */
export const ref = (expression: string) => `${'$'}{${expression}}`

/** The one resource of a type and name; throws when there is none. */
export function one(m: Module, type: string, name: string): Block {
  const block = m.resource[type]?.[name]?.[0]
  if (!block) throw new Error(`no resource ${type}.${name}`)
  return block
}

/** The one data source of a type and name; throws when there is none. */
export function oneData(m: Module, type: string, name: string): Block {
  const block = m.data[type]?.[name]?.[0]
  if (!block) throw new Error(`no data source ${type}.${name}`)
  return block
}
