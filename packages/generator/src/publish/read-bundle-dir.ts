import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import { type BundleManifest, readBundleManifest } from './manifest'
import type { BundleFile } from './plan'

/** Reads a bundle written by `verticals generate` (manifest.json and every file it lists) from disk. */
export async function readBundleDir(dir: string): Promise<{ manifest: BundleManifest; files: BundleFile[] }> {
  let bytes: Buffer
  try {
    bytes = await readFile(join(dir, 'manifest.json'))
  } catch (error) {
    throw new PlatformError('NOT_FOUND', `${dir} has no manifest.json, so it is not a generated bundle.`, {
      hint: 'Run `verticals generate <config> --out <dir>` first.',
      cause: error,
    })
  }
  const manifest = readBundleManifest(bytes)
  const files = await Promise.all(
    manifest.files.map(async (entry) => {
      try {
        return { path: entry.path, content: await readFile(join(dir, ...entry.path.split('/'))) }
      } catch (error) {
        throw new PlatformError('NOT_FOUND', `${dir}/${entry.path} is listed in manifest.json but missing.`, {
          hint: 'Regenerate the bundle; never edit it by hand.',
          cause: error,
        })
      }
    }),
  )
  return { manifest, files }
}
