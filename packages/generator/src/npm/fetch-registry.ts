import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isBundleVersion, PlatformError } from '@verticals/config-schema'
import { x as extract } from 'tar'
import { assertReplaceable, commitStagingDir, makeStagingDir } from '../fetch/atomic-dir'
import { parseVersionManifest, type VersionManifest } from '../publish/manifest'
import type { NpmClientOptions } from './npm-client'
import { SUPPORT_FILES } from './parts'
import { downloadTarball } from './registry'
import { verifyBundleDir } from './verify-dir'

/** Options of {@link fetchFromRegistry}. */
export interface RegistryFetchOptions extends NpmClientOptions {
  /** `npm:<name>@<version>` (or `<name>@<version>`), an exact version. */
  readonly spec: string
  /** Directory that receives manifest.json and the bundle files, as `verticals fetch s3://...` writes them. */
  readonly out: string
}

/** What was fetched: the package and its verified manifest. */
export interface RegistryFetchResult {
  readonly name: string
  readonly version: string
  readonly out: string
  readonly manifest: VersionManifest
}

/** Splits `npm:@scope/name@1.2.3` into name and exact version. */
export function parseNpmSpec(spec: string): { name: string; version: string } {
  const text = spec.replace(/^npm:/, '')
  const at = text.lastIndexOf('@')
  const name = at > 0 ? text.slice(0, at) : text
  const version = at > 0 ? text.slice(at + 1) : ''
  if (!isBundleVersion(version)) {
    throw new PlatformError('INVALID_ARGUMENT', `"${spec}" does not name an exact version.`, {
      hint: 'Pin the version, e.g. npm:@turnos/psychology-bundle@1.4.0 (no ranges or tags).',
    })
  }
  return { name, version }
}

/**
 * Downloads a bundle package with the user's npm (which checks the registry's sha512), verifies every
 * file against its manifest.json, and writes the bundle to `out` atomically: on any mismatch (INTEGRITY)
 * `out` is left as it was.
 */
export async function fetchFromRegistry(options: RegistryFetchOptions): Promise<RegistryFetchResult> {
  const { name, version } = parseNpmSpec(options.spec)
  await assertReplaceable(options.out)
  const download = await mkdtemp(join(tmpdir(), 'verticals-fetch-'))
  const staging = await makeStagingDir(options.out)
  try {
    const file = await downloadTarball(`${name}@${version}`, download, options)
    await extract({ file, cwd: staging, strip: 1 })
    const result = await verifyBundleDir(staging)
    const wrong = result.name !== name || result.version !== version
    if (result.problems.length > 0 || wrong) {
      const listed = result.problems.slice(0, 10).map((p) => `${p.problem} ${p.path}`)
      const what = wrong ? [`the package names ${result.name}@${result.version}`] : listed
      throw new PlatformError(
        'INTEGRITY',
        `${name}@${version} does not match its manifest: ${what.join(', ')}.`,
        {
          hint: 'The published package was not made by verticals pack, or was altered; nothing was written to --out.',
        },
      )
    }
    // --out holds the bundle as an S3 fetch writes it: manifest.json and the files it lists.
    for (const support of [...SUPPORT_FILES, 'package.json']) await rm(join(staging, support))
    const manifestFile = join(staging, 'manifest.json')
    const manifest = parseVersionManifest(await readFile(manifestFile), `${name}@${version}/manifest.json`)
    await commitStagingDir(staging, options.out)
    return { name, version, out: options.out, manifest }
  } finally {
    await rm(staging, { recursive: true, force: true })
    await rm(download, { recursive: true, force: true })
  }
}
