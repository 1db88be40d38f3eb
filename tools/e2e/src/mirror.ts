import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { InstalledPackage } from './dependency-closure.ts'
import { describeRun, type ProcessTracker } from './processes.ts'

/** One entry of `npm pack --json` output. */
interface PackEntry {
  readonly name: string
  readonly version: string
  readonly filename: string
  readonly shasum: string
  readonly integrity: string
}

const PACK_BATCH = 60
const PUT_CONCURRENCY = 8

/**
 * Copies third-party packages from the workspace's node_modules into the local registry, so a
 * clean install of our packages resolves every dependency without the registry having uplinks:
 * each installed folder is packed again (scripts off) and published as that exact version.
 */
export async function mirrorPackages(
  packages: readonly InstalledPackage[],
  registryUrl: string,
  workDir: string,
  tracker: ProcessTracker,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const tarballs: { pkg: InstalledPackage; entry: PackEntry }[] = []
  for (let start = 0; start < packages.length; start += PACK_BATCH) {
    const batch = packages.slice(start, start + PACK_BATCH)
    const args = [
      'pack',
      '--json',
      '--ignore-scripts',
      '--pack-destination',
      workDir,
      ...batch.map((p) => p.dir),
    ]
    const result = await tracker.run('npm', args, { cwd: workDir, env })
    if (result.code !== 0) throw new Error(describeRun('npm pack (mirror)', result))
    const entries = JSON.parse(result.stdout) as PackEntry[]
    for (const entry of entries) {
      const pkg = batch.find((item) => item.name === entry.name && item.version === entry.version)
      if (pkg === undefined)
        throw new Error(`npm pack returned ${entry.name}@${entry.version}, not asked for`)
      tarballs.push({ pkg, entry })
    }
  }
  // Ascending versions per name, so `latest` ends on the highest one, as on the real registry.
  tarballs.sort((a, b) => compareVersions(a.entry.version, b.entry.version))
  const byName = new Map<string, typeof tarballs>()
  for (const item of tarballs) byName.set(item.entry.name, [...(byName.get(item.entry.name) ?? []), item])
  const queues = [...byName.values()]
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const item of queue) await publishTarball(registryUrl, item.pkg, item.entry, workDir)
    }
  }
  await Promise.all(Array.from({ length: PUT_CONCURRENCY }, worker))
}

/** Publishes one tarball with the same document `npm publish` sends. */
async function publishTarball(
  registryUrl: string,
  pkg: InstalledPackage,
  entry: PackEntry,
  workDir: string,
): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as Record<string, unknown>
  const data = readFileSync(join(workDir, entry.filename))
  const attachment = `${entry.name}-${entry.version}.tgz`
  const document = {
    _id: entry.name,
    name: entry.name,
    'dist-tags': { latest: entry.version },
    versions: {
      [entry.version]: {
        ...manifest,
        _id: `${entry.name}@${entry.version}`,
        dist: {
          integrity: entry.integrity,
          shasum: entry.shasum,
          tarball: `${registryUrl}/${entry.name}/-/${attachment.replace(/^@[^/]+\//, '')}`,
        },
      },
    },
    _attachments: {
      [attachment]: {
        content_type: 'application/octet-stream',
        data: data.toString('base64'),
        length: data.length,
      },
    },
  }
  const response = await fetch(`${registryUrl}/${entry.name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(document),
  })
  if (!response.ok) {
    throw new Error(
      `mirroring ${entry.name}@${entry.version} failed: ${response.status} ${await response.text()}`,
    )
  }
}

/** Orders semver strings: numeric major.minor.patch, a prerelease before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2)
  const [coreB = '', preB] = b.split('-', 2)
  const partsA = coreA.split('.').map(Number)
  const partsB = coreB.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0)
    if (diff !== 0) return diff
  }
  if (preA === preB) return 0
  if (preA === undefined) return 1
  if (preB === undefined) return -1
  return preA.localeCompare(preB)
}
