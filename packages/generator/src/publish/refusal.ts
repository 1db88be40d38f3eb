import { PlatformError } from '@verticals/config-schema'
import type { VersionManifest, VersionManifestEntry } from './manifest'

const SHOWN = 10

/** Names what differs between a stored version manifest and the one we would write. */
export function describeDifference(stored: Buffer, planned: VersionManifest): string {
  let existing: Partial<VersionManifest>
  try {
    existing = JSON.parse(stored.toString('utf8')) as Partial<VersionManifest>
  } catch {
    return 'the stored manifest.json is not JSON'
  }
  const before = new Map(
    (existing.files ?? []).map((entry: VersionManifestEntry) => [entry.path, entry.sha256]),
  )
  const after = new Map(planned.files.map((entry) => [entry.path, entry.sha256]))
  const changes: string[] = []
  for (const [path, sha] of after) {
    if (!before.has(path)) changes.push(`+ ${path}`)
    else if (before.get(path) !== sha) changes.push(`~ ${path}`)
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push(`- ${path}`)
  if (changes.length === 0)
    return 'the files are identical but the manifest metadata (generator, config) differs'
  const more = changes.length > SHOWN ? ` and ${changes.length - SHOWN} more` : ''
  return `${changes.length} file(s) differ: ${changes.slice(0, SHOWN).join(', ')}${more}`
}

/** The error for versions that exist with other content; versions are immutable. */
export function publishRefused(conflicts: readonly { url: string; reason: string }[]): PlatformError {
  const lines = conflicts.map((conflict) => `${conflict.url}: ${conflict.reason}`)
  return new PlatformError(
    'PUBLISH_REFUSED',
    `Refusing to overwrite published version(s) with different content:\n  ${lines.join('\n  ')}`,
    { hint: 'Published versions are immutable: bump metadata.version in platform.yaml, or pass --version.' },
  )
}
