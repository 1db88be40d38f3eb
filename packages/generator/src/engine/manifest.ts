import type { ArtifactKind } from '@verticals/templates'
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version'

/** The file name of the manifest at the root of every bundle. */
export const MANIFEST_FILE = 'manifest.json'

/** One file of a bundle as manifest.json lists it. */
export interface ManifestEntry {
  readonly path: string
  readonly kind: ArtifactKind
  readonly vertical: string
  readonly sha256: string
}

/** What one vertical of the bundle was generated from. */
export interface ManifestVertical {
  /** Checksum of the vertical's runtime config (its pods' `verticals.dev/config-sha256`). */
  readonly configSha256: string
}

/** `<out>/manifest.json`: what wrote the bundle, from which config, and every file in it. */
export interface Manifest {
  readonly generator: { readonly name: string; readonly version: string }
  /** SHA-256 of the canonical JSON of the resolved platform: comments and layout do not count. */
  readonly configSha256: string
  /** Per vertical: a version of it is published again only when this changes, whatever the others do. */
  readonly verticals: Readonly<Record<string, ManifestVertical>>
  readonly files: readonly ManifestEntry[]
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/** Builds a manifest of this generator's name and version, files sorted by path. */
export function buildManifest(
  configSha256: string,
  files: readonly ManifestEntry[],
  verticals: Readonly<Record<string, ManifestVertical>> = {},
): Manifest {
  const entries = files.map(({ path, kind, vertical, sha256 }) => ({ path, kind, vertical, sha256 }))
  const named = Object.entries(verticals).map(([name, v]) => [name, { configSha256: v.configSha256 }])
  return {
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    configSha256,
    verticals: Object.fromEntries(named),
    files: entries.sort(byPath),
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
  }
  return value
}

/** Stable JSON of a manifest: sorted keys, two-space indent, LF, trailing newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(sortKeys(manifest), null, 2)}\n`
}

/**
 * Reads manifest.json bytes if they are a manifest this generator wrote; `undefined` otherwise
 * (not JSON, another tool's file, or a shape we do not know), so callers treat the dir as foreign.
 */
export function readOwnManifest(bytes: Uint8Array | undefined): Manifest | undefined {
  if (!bytes) return undefined
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object') return undefined
  const m = value as Partial<Manifest>
  if (m.generator?.name !== GENERATOR_NAME || typeof m.configSha256 !== 'string') return undefined
  if (!Array.isArray(m.files)) return undefined
  const wellFormed = m.files.every(
    (f: unknown) =>
      !!f &&
      typeof f === 'object' &&
      ['path', 'kind', 'vertical', 'sha256'].every(
        (k) => typeof (f as Record<string, unknown>)[k] === 'string',
      ),
  )
  if (!wellFormed) return undefined
  // Manifests of releases before per-vertical checksums have no `verticals`: still ours.
  const verticals = m.verticals ?? {}
  const verticalsWellFormed =
    typeof verticals === 'object' &&
    Object.values(verticals).every((v: unknown) => typeof (v as ManifestVertical)?.configSha256 === 'string')
  return verticalsWellFormed ? ({ ...m, verticals } as Manifest) : undefined
}
