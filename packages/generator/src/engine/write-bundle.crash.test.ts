import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { examplePlatform, exampleSource, fixtureRender } from '../testing/fixtures'
import { entries, snapshot, tempDir } from '../testing/temp-dir'
import { generate } from './generate'
import { writeBundle } from './write-bundle'

// Crashes injected into the filesystem calls writeBundle makes: at any point, --out must stay
// byte-identical and no staging or previous-copy directory may stay behind.
const crash = vi.hoisted(() => ({ writeFileAt: 0, renameAt: 0, writes: 0, renames: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    writeFile: (...args: Parameters<typeof real.writeFile>) => {
      crash.writes++
      if (crash.writes === crash.writeFileAt) return Promise.reject(new Error('injected crash in writeFile'))
      return real.writeFile(...args)
    },
    rename: (from: string, to: string) => {
      crash.renames++
      if (crash.renames === crash.renameAt) return Promise.reject(new Error('injected crash in rename'))
      return real.rename(from, to)
    },
  }
})

afterEach(() => Object.assign(crash, { writeFileAt: 0, renameAt: 0, writes: 0, renames: 0 }))

const { platform } = examplePlatform()
const first = generate(platform, {
  source: exampleSource(),
  configSha256: 'a'.repeat(64),
  render: fixtureRender,
})
const second = generate(platform, {
  source: exampleSource(),
  configSha256: 'b'.repeat(64),
  render: (c) => fixtureRender(c).map((a) => ({ ...a, content: `${a.content}# second run\n` })),
})

async function previousBundle(): Promise<{ out: string; before: Record<string, string> }> {
  const out = join(tempDir(), 'bundle')
  await writeBundle(out, first)
  writeFileSync(join(out, 'barber', 'stale.txt'), 'would be removed\n')
  return { out, before: snapshot(out) }
}

describe('writeBundle under injected crashes', () => {
  const total = second.files.length + 1
  it.each([1, 2, Math.floor(total / 2), total])(
    'a crash at file write %i leaves --out untouched',
    async (n) => {
      const { out, before } = await previousBundle()
      Object.assign(crash, { writes: 0, renames: 0, writeFileAt: n })
      await expect(writeBundle(out, second)).rejects.toThrow('injected crash')
      expect(snapshot(out)).toEqual(before)
      expect(entries(dirname(out))).toEqual(['bundle'])
    },
  )

  it.each([
    [1, 'moving the old bundle aside'],
    [2, 'moving the new bundle in'],
  ])('a crash at rename %i (%s) leaves --out untouched', async (n) => {
    const { out, before } = await previousBundle()
    Object.assign(crash, { writes: 0, renames: 0, renameAt: n })
    await expect(writeBundle(out, second)).rejects.toThrow('injected crash')
    expect(snapshot(out)).toEqual(before)
    expect(entries(dirname(out))).toEqual(['bundle'])
  })

  it('a crash while creating a new --out leaves no directory at all', async () => {
    const parent = tempDir()
    Object.assign(crash, { writes: 0, renames: 0, writeFileAt: 3 })
    await expect(writeBundle(join(parent, 'bundle'), second)).rejects.toThrow('injected crash')
    expect(entries(parent)).toEqual([])
  })

  it('without a crash the same sequence succeeds', async () => {
    const { out } = await previousBundle()
    const summary = await writeBundle(out, second)
    expect(summary.removed).toEqual(['barber/stale.txt'])
    expect(entries(dirname(out))).toEqual(['bundle'])
  })
})
