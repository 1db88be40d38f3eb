import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examplePlatform, exampleSource, fixtureRender } from '../testing/fixtures'
import { tempDir } from '../testing/temp-dir'
import { checkBundle } from './check-bundle'
import { diffBundle } from './diff-bundle'
import { generate } from './generate'
import { writeBundle } from './write-bundle'

const { platform } = examplePlatform()
const result = generate(platform, {
  source: exampleSource(),
  configSha256: 'c'.repeat(64),
  render: fixtureRender,
})

async function written(): Promise<string> {
  const out = join(tempDir(), 'bundle')
  await writeBundle(out, result)
  return out
}

describe('checkBundle', () => {
  it('finds a fresh bundle up to date', async () => {
    expect(await checkBundle(await written(), result)).toEqual({
      upToDate: true,
      drifted: [],
      missing: [],
      extra: [],
    })
  })

  it('names drifted, missing and extra files', async () => {
    const out = await written()
    writeFileSync(join(out, 'barber/runbooks/overview.md'), '# edited\n')
    rmSync(join(out, 'fitness/infrastructure/kubernetes/namespace.yaml'))
    writeFileSync(join(out, 'beauty/notes.md'), 'hello\n')
    expect(await checkBundle(out, result)).toEqual({
      upToDate: false,
      drifted: ['barber/runbooks/overview.md'],
      missing: ['fitness/infrastructure/kubernetes/namespace.yaml'],
      extra: ['beauty/notes.md'],
    })
  })

  it('reports everything missing when the directory does not exist', async () => {
    const check = await checkBundle(join(tempDir(), 'nothing'), result)
    expect(check.upToDate).toBe(false)
    expect(check.missing).toContain('manifest.json')
    expect(check.missing).toHaveLength(result.files.length + 1)
  })

  it('notices a manifest generated from another config', async () => {
    const out = await written()
    const other = generate(platform, {
      source: exampleSource(),
      configSha256: 'd'.repeat(64),
      render: fixtureRender,
    })
    expect((await checkBundle(out, other)).drifted).toEqual(['manifest.json'])
  })
})

describe('diffBundle', () => {
  it('is empty for a fresh bundle', async () => {
    expect(await diffBundle(await written(), result)).toEqual([])
  })

  it('gives git-style unified diffs for modified, added and removed files', async () => {
    const out = await written()
    writeFileSync(join(out, 'barber/runbooks/overview.md'), '# Barber\n\nPrimary region: mars-1\n')
    rmSync(join(out, 'fitness/runbooks/overview.md'))
    writeFileSync(join(out, 'beauty/notes.md'), 'hello\n')
    const diffs = await diffBundle(out, result)
    expect(diffs.map((d) => [d.path, d.status])).toEqual([
      ['barber/runbooks/overview.md', 'modified'],
      ['beauty/notes.md', 'removed'],
      ['fitness/runbooks/overview.md', 'added'],
    ])
    const [modified, removed, added] = diffs
    expect(modified!.patch).toMatch(
      /^--- a\/barber\/runbooks\/overview\.md\n\+\+\+ b\/barber\/runbooks\/overview\.md\n@@/,
    )
    expect(modified!.patch).toContain('-Primary region: mars-1')
    expect(modified!.patch).toContain(`+Primary region: ${platform.primaryRegion.name}`)
    expect(removed!.patch).toContain('+++ /dev/null')
    expect(removed!.patch).toContain('-hello')
    expect(added!.patch).toContain('--- /dev/null')
  })
})
