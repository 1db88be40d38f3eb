import { PlatformError } from '@verticals/config-schema'
import { PLATFORM_DIR } from '@verticals/templates'
import type { GenerateResult } from './generate'
import {
  buildManifest,
  MANIFEST_FILE,
  type ManifestEntry,
  readOwnManifest,
  serializeManifest,
} from './manifest'
import type { Tree } from './tree'

/** How a bundle on disk differs from the one a result wants there. */
export interface TreeChanges {
  /** Files the result adds (for `check`: missing). */
  readonly created: string[]
  /** Files whose bytes differ (for `check`: drifted). */
  readonly changed: string[]
  readonly unchanged: string[]
  /** Files on disk the result does not have (for `check`: extra; for `generate`: removed). */
  readonly removed: string[]
}

/**
 * The complete contents `<out>` should have after writing `result` over `previous`, manifest.json
 * included. A partial result (some verticals only) keeps every file outside its verticals'
 * directories and the other verticals' manifest entries, so `--vertical` never deletes a neighbour;
 * the platform-wide directory is always rewritten (it is built from the whole config).
 */
export function plannedTree(result: GenerateResult, previous: Tree | undefined): Map<string, string> {
  const planned = new Map<string, string>()
  let entries: readonly ManifestEntry[] = result.manifest.files
  let verticals = result.manifest.verticals
  if (result.partial && previous) {
    const inScope = (path: string) =>
      [...result.verticals, PLATFORM_DIR].some((v) => path.startsWith(`${v}/`))
    for (const [path, bytes] of previous) {
      if (path !== MANIFEST_FILE && !inScope(path) && bytes) planned.set(path, bytes.toString('utf8'))
    }
    const own = readOwnManifest(previous.get(MANIFEST_FILE) ?? undefined)
    const kept = own?.files.filter((f) => !inScope(f.path))
    entries = [...(kept ?? []), ...entries]
    const others = Object.entries(own?.verticals ?? {}).filter(([name]) => !result.verticals.includes(name))
    verticals = { ...Object.fromEntries(others), ...verticals }
  }
  for (const file of result.files) planned.set(file.path, file.content)
  const manifest = result.partial
    ? buildManifest(result.manifest.configSha256, entries, verticals)
    : result.manifest
  planned.set(MANIFEST_FILE, serializeManifest(manifest))
  return new Map([...planned].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Compares what should be on disk with what is. */
export function compareTrees(planned: Map<string, string>, previous: Tree | undefined): TreeChanges {
  const changes: TreeChanges = { created: [], changed: [], unchanged: [], removed: [] }
  for (const [path, content] of planned) {
    const before = previous?.get(path)
    if (before === undefined) changes.created.push(path)
    else if (before === null || !before.equals(Buffer.from(content, 'utf8'))) changes.changed.push(path)
    else changes.unchanged.push(path)
  }
  for (const path of previous?.keys() ?? []) if (!planned.has(path)) changes.removed.push(path)
  return changes
}

/** Refuses to replace a non-empty directory that holds no manifest.json of ours, unless forced. */
export function assertOurs(out: string, previous: Tree | undefined, force: boolean): void {
  if (force || !previous || previous.size === 0) return
  if (readOwnManifest(previous.get(MANIFEST_FILE) ?? undefined)) return
  throw new PlatformError(
    'OUTPUT_NOT_OURS',
    `${out} is not empty and holds no manifest.json written by verticals.`,
    {
      hint: 'Choose an empty or new --out directory, or pass --force to replace its contents. Nothing was written.',
    },
  )
}
