import { MANIFEST_FILE } from './manifest'

const SEGMENT = /^[A-Za-z0-9._-]+$/

/**
 * Refuses a generated path that could escape the bundle or collide with the manifest: bundle
 * paths are relative, `/`-separated, inside the directory of their vertical, without `.` or `..`.
 */
export function assertBundlePath(path: string, vertical: string): void {
  const segments = path.split('/')
  const safe =
    path !== MANIFEST_FILE &&
    segments.length > 1 &&
    segments[0] === vertical &&
    segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')
  if (!safe)
    throw new Error(`the artifact path ${JSON.stringify(path)} is not a safe path inside ${vertical}/`)
}

/** Throws when two files share a path (files must be sorted by path). */
export function assertDistinctPaths(files: readonly { path: string }[]): void {
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.path === files[i - 1]!.path)
      throw new Error(`two artifacts share the path ${files[i]!.path}`)
  }
}
