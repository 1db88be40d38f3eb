import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import type { NpmClientOptions } from './npm-client'
import { isNpmCommandError } from './npm-client'
import type { PackedBundle } from './pack-bundle'
import { publishTarball, viewPublished } from './registry'

/** Options of {@link publishToRegistry}. */
export interface RegistryPublishOptions extends NpmClientOptions {
  readonly packed: readonly PackedBundle[]
  /** Registry URL; credentials come from the user's .npmrc, as for any `npm publish`. */
  readonly registry: string
  /** dist-tag (npm's default: latest). */
  readonly tag?: string
  /** `public` or `restricted` (npm's default for scoped packages: restricted). */
  readonly access?: string
  /** Ask the registry what exists and report, but publish nothing. */
  readonly dryRun?: boolean
  onProgress?: (event: { name: string; version: string; step: 'checked' | 'published' }) => void
}

/** The outcome for one vertical's package. */
export interface RegistryPublishResult {
  readonly vertical: string
  readonly name: string
  readonly version: string
  readonly registry: string
  readonly status: 'published' | 'unchanged' | 'would publish'
  readonly integrity: string
}

function refused(conflicts: readonly string[]): PlatformError {
  return new PlatformError(
    'PUBLISH_REFUSED',
    `Refusing to publish over published version(s) with different content:\n  ${conflicts.join('\n  ')}`,
    {
      hint: 'Published versions are immutable: bump metadata.version in platform.yaml, or pass --version. Nothing was published.',
    },
  )
}

/** Why a published version differs from ours, or undefined when it holds the same bundle. */
async function conflictOf(
  bundle: PackedBundle,
  options: RegistryPublishOptions,
): Promise<string | undefined> {
  const published = await viewPublished(bundle.name, bundle.version, options)
  if (!published) return undefined
  if (published.manifestSha256 === bundle.manifestSha256) return 'unchanged'
  const why =
    published.manifestSha256 === null
      ? 'was not made by verticals pack'
      : `has manifest sha256 ${published.manifestSha256}, ours is ${bundle.manifestSha256}`
  return `${bundle.name}@${bundle.version} ${why}`
}

/**
 * Publishes each packed vertical to an npm registry with the user's npm client. A version that exists
 * with the same manifest is left alone (`unchanged`); one with other contents is refused
 * (PUBLISH_REFUSED) before any package is sent. `dryRun` stops after the check.
 */
export async function publishToRegistry(options: RegistryPublishOptions): Promise<RegistryPublishResult[]> {
  const existing = new Map<string, string | undefined>()
  for (const bundle of options.packed) {
    existing.set(bundle.name, await conflictOf(bundle, options))
    options.onProgress?.({ name: bundle.name, version: bundle.version, step: 'checked' })
  }
  const conflicts = [...existing.values()].filter((c): c is string => c !== undefined && c !== 'unchanged')
  if (conflicts.length > 0) throw refused(conflicts)
  const results: RegistryPublishResult[] = []
  const work = await mkdtemp(join(tmpdir(), 'verticals-publish-'))
  try {
    for (const bundle of options.packed) {
      const base = { vertical: bundle.vertical, name: bundle.name, version: bundle.version }
      const done = { ...base, registry: options.registry, integrity: bundle.tarball.integrity }
      if (existing.get(bundle.name) === 'unchanged') results.push({ ...done, status: 'unchanged' })
      else if (options.dryRun) results.push({ ...done, status: 'would publish' })
      else {
        const file = join(work, bundle.filename)
        await writeFile(file, bundle.tarball.bytes)
        results.push({ ...done, status: await publishOne(bundle, file, options) })
        options.onProgress?.({ name: bundle.name, version: bundle.version, step: 'published' })
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return results
}

/** Publishes one tarball; a publisher that raced us with the same bundle makes it `unchanged`. */
async function publishOne(
  bundle: PackedBundle,
  file: string,
  options: RegistryPublishOptions,
): Promise<'published' | 'unchanged'> {
  try {
    await publishTarball(file, options)
    return 'published'
  } catch (error) {
    // EPUBLISHCONFLICT / E403 "cannot publish over": someone published this version since our check.
    if (!isNpmCommandError(error) || !/E403|EPUBLISHCONFLICT|E409/.test(error.npmCode ?? '')) throw error
    const conflict = await conflictOf(bundle, options)
    if (conflict === 'unchanged') return 'unchanged'
    if (conflict) throw refused([conflict])
    throw error
  }
}
