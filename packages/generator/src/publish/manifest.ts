import { createHash } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import { toJson } from '@verticals/templates'
import { assertSafeRelativePath } from './keys'

/** One file of a bundle as the generator lists it in `<out>/manifest.json`. */
export interface BundleManifestEntry {
  readonly path: string
  readonly kind: string
  readonly vertical: string
  readonly sha256: string
}

/** The bundle's `manifest.json` as the generator writes it. */
export interface BundleManifest {
  readonly generator: unknown
  readonly configSha256: string
  /** Each vertical's own config checksum (absent from manifests of older releases). */
  readonly verticals?: Readonly<Record<string, { readonly configSha256: string }>>
  readonly files: readonly BundleManifestEntry[]
}

/** One file of a published version; `path` is relative to the version. */
export interface VersionManifestEntry {
  path: string
  kind: string
  sha256: string
  size: number
}

/** The `manifest.json` stored last under `<prefix>/<vertical>/<version>/`. */
export interface VersionManifest {
  generator: unknown
  /** The vertical's own config checksum: another vertical's edit leaves it, and the version, alone. */
  configSha256: string
  vertical: string
  version: string
  files: VersionManifestEntry[]
}

/** Lowercase hex SHA-256 of some bytes. */
export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex')
}

const HEX64 = /^[0-9a-f]{64}$/

function invalid(message: string): PlatformError {
  return new PlatformError('INVALID_ARGUMENT', message, {
    hint: 'Pass the manifest.json the generator wrote for this bundle, unmodified.',
  })
}

/** Reads a bundle manifest given as an object or as its JSON bytes, checking its shape. */
export function readBundleManifest(input: BundleManifest | Buffer | string): BundleManifest {
  let value: unknown = input
  if (typeof input === 'string' || Buffer.isBuffer(input)) {
    try {
      value = JSON.parse(input.toString())
    } catch (error) {
      throw invalid(`The bundle manifest is not JSON: ${(error as Error).message}`)
    }
  }
  const manifest = value as Partial<BundleManifest> | null
  if (!manifest || typeof manifest.configSha256 !== 'string' || !Array.isArray(manifest.files)) {
    throw invalid('The bundle manifest lacks "configSha256" or "files".')
  }
  const verticals = manifest.verticals ?? {}
  if (typeof verticals !== 'object' || verticals === null)
    throw invalid('The bundle manifest\'s "verticals" is not an object.')
  for (const [name, v] of Object.entries(verticals)) {
    if (!HEX64.test(String((v as { configSha256?: unknown } | null)?.configSha256)))
      throw invalid(`The configSha256 of vertical "${name}" is not 64 hex digits.`)
  }
  for (const entry of manifest.files as Partial<BundleManifestEntry>[]) {
    const fields = [entry?.path, entry?.kind, entry?.vertical, entry?.sha256]
    if (!fields.every((field) => typeof field === 'string')) {
      throw invalid(`A bundle manifest entry lacks path, kind, vertical or sha256: ${JSON.stringify(entry)}`)
    }
    if (!HEX64.test(entry.sha256 as string))
      throw invalid(`The sha256 of "${entry.path}" is not 64 hex digits.`)
    assertSafeRelativePath(entry.path as string, 'bundle path')
  }
  return manifest as BundleManifest
}

/** Serializes a version manifest the same way every time, so identical bundles give identical bytes. */
export function serializeVersionManifest(manifest: VersionManifest): string {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return toJson({ ...manifest, files })
}

function integrity(message: string): PlatformError {
  return new PlatformError('INTEGRITY', message, {
    hint: 'The stored manifest.json was not written by `verticals publish`; republish the version.',
  })
}

/** Parses a stored version manifest, refusing anything that is not one or that names unsafe paths. */
export function parseVersionManifest(bytes: Buffer, where: string): VersionManifest {
  let value: Partial<VersionManifest> | null
  try {
    value = JSON.parse(bytes.toString('utf8')) as Partial<VersionManifest> | null
  } catch {
    throw integrity(`${where} is not valid JSON.`)
  }
  if (!value || typeof value.vertical !== 'string' || typeof value.version !== 'string') {
    throw integrity(`${where} does not name its vertical and version.`)
  }
  if (!Array.isArray(value.files)) throw integrity(`${where} has no file list.`)
  const seen = new Set<string>(['manifest.json'])
  for (const entry of value.files as Partial<VersionManifestEntry>[]) {
    const ok =
      typeof entry?.path === 'string' &&
      typeof entry.sha256 === 'string' &&
      HEX64.test(entry.sha256) &&
      Number.isSafeInteger(entry.size)
    if (!ok) throw integrity(`${where} has a malformed entry: ${JSON.stringify(entry)}`)
    try {
      assertSafeRelativePath(entry.path as string, 'manifest path')
    } catch {
      throw integrity(`${where} lists the unsafe path "${entry.path}".`)
    }
    // A repeated path, or one named manifest.json, would overwrite another file on fetch.
    if (seen.has(entry.path as string)) throw integrity(`${where} lists "${entry.path}" twice.`)
    seen.add(entry.path as string)
  }
  return value as VersionManifest
}
