import { lstat, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PlatformError } from '@verticals/config-schema'
import { parseVersionManifest, sha256Hex, type VersionManifest } from '../publish/manifest'
import { PACKAGE_JSON_KEY, SUPPORT_FILES } from './parts'

/** One file that does not match what the manifest (or package.json) says. */
export interface VerifyProblem {
  readonly path: string
  readonly problem: 'modified' | 'missing' | 'extra' | 'not a regular file'
}

/** What `verifyBundleDir` found: the version it checked and every problem, none when intact. */
export interface VerifyResult {
  /** An installed npm package (package.json names it), or a fetched version (manifest.json only). */
  readonly kind: 'npm-package' | 'bundle-version'
  readonly name: string | null
  readonly vertical: string
  readonly version: string
  /** Files checked (the bundle's, plus manifest.json, README, entry point and package.json of a package). */
  readonly files: number
  readonly problems: readonly VerifyProblem[]
}

async function readIfFile(path: string): Promise<Buffer | undefined | 'not a file'> {
  try {
    if (!(await lstat(path)).isFile()) return 'not a file'
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Every path under `dir`, relative and `/`-separated; symbolic links and other non-files are listed too. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`
    if (entry.isDirectory()) out.push(...(await listFiles(dir, `${path}/`)))
    else out.push(path)
  }
  return out
}

function check(
  path: string,
  bytes: Buffer | undefined | 'not a file',
  sha256: string,
  size?: number,
): VerifyProblem[] {
  if (bytes === undefined) return [{ path, problem: 'missing' }]
  if (bytes === 'not a file') return [{ path, problem: 'not a regular file' }]
  const same = sha256Hex(bytes) === sha256 && (size === undefined || bytes.length === size)
  return same ? [] : [{ path, problem: 'modified' }]
}

interface Stamp {
  manifestSha256?: unknown
  files?: Record<string, unknown>
}

/** The package.json stamp of an npm bundle package, or undefined for a plain fetched version. */
async function readStamp(dir: string): Promise<{ name: string; version: string; stamp: Stamp } | undefined> {
  const bytes = await readIfFile(join(dir, 'package.json'))
  if (!Buffer.isBuffer(bytes)) return undefined
  let json: { name?: unknown; version?: unknown; [PACKAGE_JSON_KEY]?: Stamp }
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new PlatformError('INTEGRITY', `${dir}/package.json is not valid JSON.`)
  }
  const stamp = json[PACKAGE_JSON_KEY]
  if (!stamp || typeof stamp !== 'object') {
    throw new PlatformError('INTEGRITY', `${dir}/package.json has no "${PACKAGE_JSON_KEY}" record.`, {
      hint: 'Only packages made by `verticals pack` can be verified; was the package.json edited?',
    })
  }
  return { name: String(json.name), version: String(json.version), stamp }
}

/**
 * Checks a bundle on disk against its manifest.json: an installed package (node_modules/<name>) or a
 * fetched version. Every listed file must have its sha256 and size, and no other file may be present
 * (a stray rule file would be loaded by a glob). Throws NOT_FOUND when there is no manifest.json.
 */
export async function verifyBundleDir(dir: string): Promise<VerifyResult> {
  const manifestBytes = await readIfFile(join(dir, 'manifest.json'))
  if (!Buffer.isBuffer(manifestBytes)) {
    throw new PlatformError(
      'NOT_FOUND',
      `${dir} has no manifest.json, so it is no bundle package or version.`,
      {
        hint: 'Pass the directory of an installed bundle package (node_modules/<name>) or of a fetched version.',
      },
    )
  }
  const manifest: VersionManifest = parseVersionManifest(manifestBytes, `${dir}/manifest.json`)
  const problems: VerifyProblem[] = []
  const expected = new Set<string>(['manifest.json'])
  const pkg = await readStamp(dir)
  if (pkg) {
    expected.add('package.json')
    if (pkg.stamp.manifestSha256 !== sha256Hex(manifestBytes) || pkg.version !== manifest.version)
      problems.push({ path: 'manifest.json', problem: 'modified' })
    for (const file of SUPPORT_FILES) {
      expected.add(file)
      const sha = String(pkg.stamp.files?.[file] ?? '')
      problems.push(...check(file, await readIfFile(join(dir, file)), sha))
    }
  }
  for (const entry of manifest.files) {
    expected.add(entry.path)
    const bytes = await readIfFile(join(dir, ...entry.path.split('/')))
    problems.push(...check(entry.path, bytes, entry.sha256, entry.size))
  }
  for (const path of await listFiles(dir)) if (!expected.has(path)) problems.push({ path, problem: 'extra' })
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return {
    kind: pkg ? 'npm-package' : 'bundle-version',
    name: pkg?.name ?? null,
    vertical: manifest.vertical,
    version: manifest.version,
    files: expected.size,
    problems,
  }
}
