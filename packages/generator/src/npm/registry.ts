import { isNpmCommandError, type NpmClientOptions, runNpm } from './npm-client'
import { PACKAGE_JSON_KEY } from './parts'

/** What the registry says about one published version of a bundle package. */
export interface PublishedPackage {
  /** The sha256 of its manifest.json, as its package.json records it; null if not made by verticals pack. */
  readonly manifestSha256: string | null
  readonly integrity: string | null
}

/** The published `name@version`, or undefined when the package or that version does not exist. */
export async function viewPublished(
  name: string,
  version: string,
  options: NpmClientOptions,
): Promise<PublishedPackage | undefined> {
  let stdout: string
  try {
    stdout = await runNpm(['view', `${name}@${version}`, '--json'], options)
  } catch (error) {
    if (isNpmCommandError(error) && error.npmCode === 'E404') return undefined
    throw error
  }
  // npm prints nothing when the package exists but not that version.
  if (stdout.trim() === '') return undefined
  const doc = JSON.parse(stdout) as {
    version?: string
    dist?: { integrity?: string }
    [PACKAGE_JSON_KEY]?: { manifestSha256?: unknown }
  }
  const stamp = doc[PACKAGE_JSON_KEY]?.manifestSha256
  return {
    manifestSha256: typeof stamp === 'string' ? stamp : null,
    integrity: doc.dist?.integrity ?? null,
  }
}

/** Publishes a tarball as it is (`npm publish <file>`), with an optional dist-tag and access level. */
export async function publishTarball(
  file: string,
  options: NpmClientOptions & { tag?: string; access?: string },
): Promise<void> {
  const extra = [
    ...(options.tag ? ['--tag', options.tag] : []),
    ...(options.access ? ['--access', options.access] : []),
  ]
  await runNpm(['publish', file, '--ignore-scripts', ...extra], options)
}

/** Downloads `name@version` with npm (which checks the registry's sha512) into `dir`; returns the file. */
export async function downloadTarball(spec: string, dir: string, options: NpmClientOptions): Promise<string> {
  const stdout = await runNpm(
    ['pack', spec, '--pack-destination', dir, '--json', '--ignore-scripts'],
    options,
  )
  const [entry] = JSON.parse(stdout) as { filename: string }[]
  if (!entry) throw new Error(`npm pack ${spec} reported no tarball`)
  return `${dir}/${entry.filename.replace(/^@/, '').replace('/', '-')}`
}
