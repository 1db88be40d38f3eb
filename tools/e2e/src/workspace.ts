import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute path of the repository root (tools/e2e/src -> ../../..). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** The package.json fields the release checks read. */
export interface Manifest {
  readonly name: string
  readonly version: string
  readonly private?: boolean
  readonly license?: string
  readonly sideEffects?: unknown
  readonly engines?: Readonly<Record<string, string>>
  readonly main?: string
  readonly module?: string
  readonly types?: string
  readonly typings?: string
  readonly bin?: string | Readonly<Record<string, string>>
  readonly exports?: unknown
  readonly publishConfig?: Readonly<Record<string, string>>
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly optionalDependencies?: Readonly<Record<string, string>>
  readonly devDependencies?: Readonly<Record<string, string>>
}

/** A workspace package under packages/* as found on disk. */
export interface WorkspacePackage {
  readonly dir: string
  readonly folder: string
  readonly manifest: Manifest
}

/** Every package under packages/* that has a package.json, public or not, sorted by folder. */
export function listPackages(root: string = repoRoot): WorkspacePackage[] {
  const base = join(root, 'packages')
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const dir = join(base, folder)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
      return { dir, folder, manifest }
    })
}

/** The packages that get published: everything under packages/* not marked private. */
export function listPublicPackages(root: string = repoRoot): WorkspacePackage[] {
  return listPackages(root).filter((pkg) => pkg.manifest.private !== true)
}
