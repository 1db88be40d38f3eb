import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import { formatS3Url, parseS3Url } from '../publish/keys'
import { parseVersionManifest, sha256Hex, type VersionManifest } from '../publish/manifest'
import { forEachLimit } from '../publish/pool'
import type { RetryOptions } from '../publish/retry'
import { openClient, type S3Target } from '../publish/s3-client'
import { getObjectBytes } from '../publish/s3-ops'
import { assertReplaceable, commitStagingDir, makeStagingDir } from './atomic-dir'

/** Options of `fetchBundle`; pass either `client` or `clientOptions`. */
export type FetchOptions = S3Target & {
  /** `s3://<bucket>/[<prefix>/]<vertical>/<version>`, as printed by publish. */
  url: string
  /** Directory that receives manifest.json and the version's files. */
  out: string
  retry?: RetryOptions
  /** Downloads in flight at once (default 8). */
  concurrency?: number
  onProgress?: (event: { path: string; done: number; total: number }) => void
}

/** What was fetched: the verified manifest and where it was written. */
export interface FetchResult {
  url: string
  out: string
  manifest: VersionManifest
}

function integrity(url: string, path: string, problem: string): PlatformError {
  return new PlatformError('INTEGRITY', `${path} (${url}/${path}) ${problem}.`, {
    hint: 'The published object was changed or corrupted after publishing; nothing was written to --out.',
  })
}

/** Downloads one published version, verifies every file's sha256, and writes it to `out` atomically. */
export async function fetchBundle(options: FetchOptions): Promise<FetchResult> {
  const { bucket, key, vertical, version } = parseS3Url(options.url)
  const url = formatS3Url(bucket, key)
  const retry = options.retry ?? {}
  // Refuse a foreign --out before downloading anything; the commit checks again.
  await assertReplaceable(options.out)
  const { client, release } = openClient(options)
  try {
    const manifestBytes = await getObjectBytes(client, bucket, `${key}/manifest.json`, retry)
    if (!manifestBytes) {
      throw new PlatformError('NOT_FOUND', `No published version at ${url} (no manifest.json).`, {
        hint: 'Check the bucket, prefix, vertical and version; a version without manifest.json is incomplete.',
      })
    }
    const manifest = parseVersionManifest(manifestBytes, `${url}/manifest.json`)
    if (manifest.vertical !== vertical || manifest.version !== version) {
      throw integrity(
        url,
        'manifest.json',
        `names ${manifest.vertical} ${manifest.version}, not ${vertical} ${version}`,
      )
    }
    const staging = await makeStagingDir(options.out)
    try {
      let done = 0
      await forEachLimit(manifest.files, options.concurrency ?? 8, async (entry) => {
        const bytes = await getObjectBytes(client, bucket, `${key}/${entry.path}`, retry)
        if (!bytes) throw integrity(url, entry.path, 'is listed in manifest.json but missing')
        const actual = sha256Hex(bytes)
        if (actual !== entry.sha256 || bytes.length !== entry.size) {
          throw integrity(url, entry.path, `has sha256 ${actual}, but manifest.json says ${entry.sha256}`)
        }
        const target = join(staging, ...entry.path.split('/'))
        await mkdir(dirname(target), { recursive: true })
        await writeFile(target, bytes)
        options.onProgress?.({ path: entry.path, done: ++done, total: manifest.files.length })
      })
      await writeFile(join(staging, 'manifest.json'), manifestBytes)
      await commitStagingDir(staging, options.out)
    } finally {
      // After a successful commit the staging dir no longer exists; after a failure nothing is left.
      // A failed cleanup must not hide the error that caused it.
      await rm(staging, { recursive: true, force: true }).catch(() => {})
    }
    return { url, out: options.out, manifest }
  } finally {
    release()
  }
}
