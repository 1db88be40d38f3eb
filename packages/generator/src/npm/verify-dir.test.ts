import { appendFileSync, copyFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { x as extract } from 'tar'
import { beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../engine/generate'
import { examplePlatform } from '../testing/fixtures'
import { tempDir } from '../testing/temp-dir'
import { type PackedBundle, packBundle } from './pack-bundle'
import { verifyBundleDir } from './verify-dir'

let barber: PackedBundle

beforeAll(async () => {
  const { platform, source, configSha256 } = examplePlatform()
  const result = generate(platform, { source, configSha256, verticals: ['barber'] })
  const [packed] = await packBundle({ ...result, metadata: platform.metadata, version: '2.1.0' })
  barber = packed!
})

/** The barber package as npm installs it. */
async function installed(): Promise<string> {
  const dir = tempDir()
  await writeFile(join(dir, 'bundle.tgz'), barber.tarball.bytes)
  await extract({ file: join(dir, 'bundle.tgz'), cwd: dir, strip: 1 })
  rmSync(join(dir, 'bundle.tgz'))
  return dir
}

const RULES = 'monitoring/prometheus/alerts.rules.yaml'

describe('verifyBundleDir', () => {
  it('accepts an intact installed package and names it', async () => {
    const result = await verifyBundleDir(await installed())
    expect(result).toMatchObject({
      kind: 'npm-package',
      name: '@turnos/barber-bundle',
      vertical: 'barber',
      version: '2.1.0',
      files: barber.files,
      problems: [],
    })
  })

  it('names every file that was modified, removed, added or replaced by a link', async () => {
    const dir = await installed()
    appendFileSync(join(dir, RULES), '# tampered\n')
    rmSync(join(dir, 'runbooks', 'incident-response.md'))
    writeFileSync(join(dir, 'monitoring', 'prometheus', 'extra.rules.yaml'), 'groups: []\n')
    writeFileSync(join(dir, 'index.js'), 'export const paths = {}\n')
    // Same bytes, but a link can point anywhere later: only regular files pass.
    const recovery = join(dir, 'runbooks', 'disaster-recovery.md')
    copyFileSync(recovery, join(dir, 'recovery-copy.md'))
    rmSync(recovery)
    symlinkSync(join(dir, 'recovery-copy.md'), recovery)
    expect((await verifyBundleDir(dir)).problems).toEqual([
      { path: 'index.js', problem: 'modified' },
      { path: RULES, problem: 'modified' },
      { path: 'monitoring/prometheus/extra.rules.yaml', problem: 'extra' },
      { path: 'recovery-copy.md', problem: 'extra' },
      { path: 'runbooks/disaster-recovery.md', problem: 'not a regular file' },
      { path: 'runbooks/incident-response.md', problem: 'missing' },
    ])
  })

  it('notices a manifest.json that no longer matches the package.json that shipped with it', async () => {
    const dir = await installed()
    appendFileSync(join(dir, 'manifest.json'), '\n')
    expect((await verifyBundleDir(dir)).problems).toEqual([{ path: 'manifest.json', problem: 'modified' }])
  })

  it('verifies a fetched version (manifest.json and the files, no package.json) the same way', async () => {
    const dir = await installed()
    for (const file of ['package.json', 'README.md', 'index.js', 'index.d.ts']) rmSync(join(dir, file))
    expect(await verifyBundleDir(dir)).toMatchObject({ kind: 'bundle-version', name: null, problems: [] })
  })

  it('refuses a directory without manifest.json', async () => {
    await expect(verifyBundleDir(tempDir())).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
