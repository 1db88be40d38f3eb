import { sha256Hex } from '../publish/manifest'
import type { VersionPlan } from '../publish/plan'
import { entryDts, entryJs } from './entry-files'
import { packageJson } from './package-json'
import { partsOf } from './parts'
import { packageReadme } from './readme'

/** One file of a bundle package; `path` is relative to the package root. */
export interface PackageFile {
  readonly path: string
  readonly content: Buffer
}

/**
 * The files of one vertical's package: its bundle files and manifest.json exactly as a published
 * S3 version has them, plus README.md, the entry point and package.json, sorted by path.
 */
export function packageFiles(plan: VersionPlan, name: string, description: string): PackageFile[] {
  const parts = partsOf(plan.files.map((f) => f.path))
  const readme = Buffer.from(packageReadme(name, plan.manifest, parts))
  const js = Buffer.from(entryJs(parts))
  const dts = Buffer.from(entryDts(parts, plan.vertical, plan.version))
  const stamp = {
    vertical: plan.vertical,
    manifestSha256: sha256Hex(plan.manifestBytes),
    files: { 'README.md': sha256Hex(readme), 'index.d.ts': sha256Hex(dts), 'index.js': sha256Hex(js) },
  }
  const manifest = Buffer.from(packageJson({ name, version: plan.version, description, stamp }))
  const files: PackageFile[] = [
    ...plan.files.map((f) => ({ path: f.path, content: f.content })),
    { path: 'manifest.json', content: plan.manifestBytes },
    { path: 'README.md', content: readme },
    { path: 'index.js', content: js },
    { path: 'index.d.ts', content: dts },
    { path: 'package.json', content: manifest },
  ]
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
