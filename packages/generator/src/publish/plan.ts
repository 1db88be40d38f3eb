import { PlatformError } from '@verticals/config-schema'
import { assertSegment } from './keys'
import {
  type BundleManifest,
  readBundleManifest,
  serializeVersionManifest,
  sha256Hex,
  type VersionManifest,
} from './manifest'

/** A file of a generated bundle; `path` is relative to the bundle root, as in its manifest. */
export interface BundleFile {
  readonly path: string
  readonly content: Buffer | string
  /** Hex SHA-256 of `content`; checked against the content and the manifest when given. */
  readonly sha256?: string
}

/** One file to upload: its path inside the version and its verified bytes. */
export interface PlannedFile {
  path: string
  content: Buffer
  sha256: string
}

/** Everything one vertical's version upload needs, checked before any request is sent. */
export interface VersionPlan {
  vertical: string
  version: string
  files: PlannedFile[]
  manifest: VersionManifest
  manifestBytes: Buffer
}

function invalid(message: string): PlatformError {
  return new PlatformError('INVALID_ARGUMENT', message, {
    hint: 'Publish the files and the manifest.json of one generator run, unmodified.',
  })
}

/** Splits a bundle into per-vertical versions, verifying every file against the bundle manifest. */
export function planVersions(
  files: readonly BundleFile[],
  manifestInput: BundleManifest | Buffer | string,
  version: string,
): VersionPlan[] {
  const manifest = readBundleManifest(manifestInput)
  assertSegment(version, 'The version')
  const byPath = new Map<string, BundleFile>()
  for (const file of files) {
    if (byPath.has(file.path)) throw invalid(`The file "${file.path}" is given twice.`)
    byPath.set(file.path, file)
  }
  const plans = new Map<string, VersionPlan>()
  for (const entry of manifest.files) {
    assertSegment(entry.vertical, 'The vertical')
    const inner = entry.path.slice(entry.vertical.length + 1)
    if (!entry.path.startsWith(`${entry.vertical}/`) || inner === 'manifest.json') {
      throw invalid(
        `The manifest lists "${entry.path}" under vertical "${entry.vertical}", outside its folder.`,
      )
    }
    const file = byPath.get(entry.path)
    if (!file) throw invalid(`The manifest lists "${entry.path}" but no such file was given.`)
    byPath.delete(entry.path)
    const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8')
    const actual = sha256Hex(content)
    if (actual !== entry.sha256 || (file.sha256 !== undefined && file.sha256 !== actual)) {
      throw invalid(`The content of "${entry.path}" does not match its sha256 in the manifest.`)
    }
    let plan = plans.get(entry.vertical)
    if (!plan) {
      const versionManifest: VersionManifest = {
        generator: manifest.generator,
        // The vertical's own checksum; a bundle from an older release has only the whole config's.
        configSha256: manifest.verticals?.[entry.vertical]?.configSha256 ?? manifest.configSha256,
        vertical: entry.vertical,
        version,
        files: [],
      }
      plan = {
        vertical: entry.vertical,
        version,
        files: [],
        manifest: versionManifest,
        manifestBytes: Buffer.alloc(0),
      }
      plans.set(entry.vertical, plan)
    }
    plan.files.push({ path: inner, content, sha256: actual })
    plan.manifest.files.push({ path: inner, kind: entry.kind, sha256: actual, size: content.length })
  }
  // The bundle's own manifest.json may ride along; anything else unlisted would be published unverified.
  byPath.delete('manifest.json')
  const [extra] = byPath.keys()
  if (extra !== undefined) throw invalid(`The file "${extra}" is not listed in the bundle manifest.`)
  const sorted = [...plans.values()].sort((a, b) => (a.vertical < b.vertical ? -1 : 1))
  for (const plan of sorted) {
    plan.files.sort((a, b) => (a.path < b.path ? -1 : 1))
    plan.manifest.files.sort((a, b) => (a.path < b.path ? -1 : 1))
    plan.manifestBytes = Buffer.from(serializeVersionManifest(plan.manifest), 'utf8')
  }
  return sorted
}
