import { createRequire } from 'node:module'
import { PlatformError } from '@verticals/config-schema'

interface Manifest {
  name: string
  version: string
  dependencies?: Record<string, string>
}

/** This package's own package.json: its dependencies name the exact versions it was released with. */
export function ownManifest(): Manifest {
  return createRequire(import.meta.url)('../package.json') as Manifest
}

/** The exact version of a @verticals package that this release of create-vertical depends on. */
export function releasedVersion(name: string, manifest: Manifest = ownManifest()): string {
  const version = manifest.dependencies?.[name]
  if (version === undefined || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new PlatformError(
      'INVALID_ARGUMENT',
      `create-vertical ${manifest.version} does not pin ${name} exactly`,
      {
        hint: 'This is a packaging bug: every @verticals package the template uses must be an exact dependency of create-vertical.',
      },
    )
  }
  return version
}

/**
 * The version a released @verticals package itself depends on for a third-party package (pg,
 * ioredis, zod), or undefined: the scaffold then installs one copy, the one the platform was tested with.
 */
export function platformDependencyVersion(
  dependency: string,
  packages: readonly string[] = ['@verticals/core', '@verticals/observability', '@verticals/config-schema'],
): string | undefined {
  const require = createRequire(import.meta.url)
  for (const name of packages) {
    const manifest = require(`${name}/package.json`) as Manifest
    const version = manifest.dependencies?.[dependency]
    if (version !== undefined) return version
  }
  return undefined
}
