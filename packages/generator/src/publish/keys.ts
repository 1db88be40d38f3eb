import { PlatformError } from '@verticals/config-schema'

// One key segment: what a vertical name or a version may look like in an object key.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/

/** Rejects a name that would escape or split its place in an object key. */
export function assertSegment(value: string, what: string): void {
  if (!SEGMENT.test(value) || value.includes('..')) {
    throw new PlatformError('INVALID_ARGUMENT', `${what} "${value}" cannot be used in an object key.`, {
      hint: 'Use letters, digits, ".", "_", "+" and "-" only.',
    })
  }
}

/** Rejects a relative file path that is absolute, empty, or climbs out of its directory. */
export function assertSafeRelativePath(path: string, what = 'path'): void {
  const segments = path.split('/')
  const unsafe =
    path.length === 0 ||
    path.includes('\\') ||
    path.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  if (unsafe) {
    throw new PlatformError('INVALID_ARGUMENT', `The ${what} "${path}" is not a safe relative path.`, {
      hint: 'Paths are relative, use "/" and never contain "." or ".." segments.',
    })
  }
}

/** Trims slashes so that "", "/", "a/b/" and "/a/b" become "" or "a/b". */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '')
  if (trimmed !== '') assertSafeRelativePath(trimmed, 'prefix')
  return trimmed
}

/** The key under which one vertical's version lives: `<prefix>/<vertical>/<version>`. */
export function versionKey(prefix: string, vertical: string, version: string): string {
  assertSegment(vertical, 'The vertical')
  assertSegment(version, 'The version')
  return [normalizePrefix(prefix), vertical, version].filter((part) => part !== '').join('/')
}

/** Where a bucket/key pair is shown to users. */
export function formatS3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`
}

/** Splits `s3://bucket/prefix/vertical/version` into the bucket and the version's key. */
export function parseS3Url(url: string): { bucket: string; key: string; vertical: string; version: string } {
  const match = /^s3:\/\/([^/]+)\/(.+?)\/*$/.exec(url)
  const bad = () =>
    new PlatformError('INVALID_ARGUMENT', `"${url}" is not an S3 URL of a published version.`, {
      hint: 'Expected s3://<bucket>/[<prefix>/]<vertical>/<version>, as printed by `verticals publish`.',
    })
  if (!match) throw bad()
  const [, bucket = '', key = ''] = match
  const segments = key.split('/')
  const version = segments.at(-1) ?? ''
  const vertical = segments.at(-2)
  if (vertical === undefined) throw bad()
  assertSafeRelativePath(key, 'S3 key')
  assertSegment(vertical, 'The vertical')
  assertSegment(version, 'The version')
  return { bucket, key, vertical, version }
}
