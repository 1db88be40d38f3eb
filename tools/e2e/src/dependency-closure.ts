import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** One installed package found in the workspace's node_modules. */
export interface InstalledPackage {
  readonly name: string
  readonly version: string
  readonly dir: string
}

/** What a dependency walk is asked for: a package name needed by code living in `fromDir`. */
export interface DependencyRequest {
  readonly name: string
  readonly fromDir: string
}

interface InstalledManifest {
  readonly name: string
  readonly version: string
  readonly dependencies?: Record<string, string>
  readonly optionalDependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

/** Finds `name` the way Node does: node_modules/<name> in `fromDir` and each parent up to `root`. */
export function resolveInstalled(name: string, fromDir: string, root: string): string | undefined {
  const top = resolve(root)
  let dir = resolve(fromDir)
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === top || !dir.startsWith(top) || dirname(dir) === dir) return undefined
    dir = dirname(dir)
  }
}

/**
 * Every third-party package (name@version, with the folder it is installed in) that installing
 * `requests` pulls in, read from the workspace's node_modules: runtime, optional and required
 * peer dependencies, transitively. Names accepted by `skip` (our own packages) are not walked.
 * Required dependencies that are not installed are returned in `missing`.
 */
export function dependencyClosure(
  requests: readonly DependencyRequest[],
  root: string,
  skip: (name: string) => boolean,
): { packages: InstalledPackage[]; missing: string[] } {
  const found = new Map<string, InstalledPackage>()
  const seenDirs = new Set<string>()
  const missing: string[] = []
  const queue = requests.map((request) => ({ ...request, optional: false }))
  while (queue.length > 0) {
    const next = queue.shift()!
    if (skip(next.name)) continue
    const dir = resolveInstalled(next.name, next.fromDir, root)
    if (dir === undefined) {
      if (!next.optional) missing.push(`${next.name} (needed from ${next.fromDir})`)
      continue
    }
    if (seenDirs.has(dir)) continue
    seenDirs.add(dir)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as InstalledManifest
    found.set(`${manifest.name}@${manifest.version}`, { name: manifest.name, version: manifest.version, dir })
    const optionalPeers = manifest.peerDependenciesMeta ?? {}
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}))
    const edges = [
      ...Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }).map((name) => ({
        name,
        optional: optional.has(name),
      })),
      ...Object.keys(manifest.peerDependencies ?? {}).map((name) => ({
        name,
        optional: optionalPeers[name]?.optional === true,
      })),
    ]
    // A package's own nested node_modules wins over the hoisted copy, as in Node.
    for (const edge of edges) queue.push({ ...edge, fromDir: dir })
  }
  const packages = [...found.values()].sort((a, b) => a.dir.localeCompare(b.dir))
  return { packages, missing: [...new Set(missing)] }
}
