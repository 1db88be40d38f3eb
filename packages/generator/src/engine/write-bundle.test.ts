import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isPlatformError } from '@verticals/config-schema'
import type { BundleContext } from '@verticals/templates'
import { describe, expect, it } from 'vitest'
import { examplePlatform, exampleSource, fixtureRender } from '../testing/fixtures'
import { entries, snapshot, tempDir } from '../testing/temp-dir'
import { generate } from './generate'
import { readOwnManifest, serializeManifest } from './manifest'
import { writeBundle } from './write-bundle'

const { platform } = examplePlatform()
const bundle = (
  options: { verticals?: string[]; render?: (c: BundleContext) => ReturnType<typeof fixtureRender> } = {},
) =>
  generate(platform, {
    source: exampleSource(),
    configSha256: 'c'.repeat(64),
    render: fixtureRender,
    ...options,
  })

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error) => error,
  )
}

describe('writeBundle', () => {
  it('writes every file and the manifest into a new directory, leaving nothing beside it', async () => {
    const parent = tempDir()
    const out = join(parent, 'deep', 'bundle')
    const result = bundle()
    const summary = await writeBundle(out, result)
    const files = snapshot(out)
    expect(Object.keys(files)).toEqual(['manifest.json', ...result.files.map((f) => f.path)].sort())
    expect(files['manifest.json']).toBe(serializeManifest(result.manifest))
    for (const f of result.files) expect(files[f.path]).toBe(f.content)
    expect(summary).toMatchObject({
      files: result.files.length + 1,
      written: result.files.length + 1,
      removed: [],
    })
    expect(summary.created).toHaveLength(result.files.length + 1)
    expect(entries(join(parent, 'deep'))).toEqual(['bundle'])
  })

  it('does not rewrite an identical bundle and reports what changed otherwise', async () => {
    const out = join(tempDir(), 'bundle')
    await writeBundle(out, bundle())
    const again = await writeBundle(out, bundle())
    expect(again.written).toBe(0)
    expect(again.created.length + again.changed.length + again.removed.length).toBe(0)
    writeFileSync(join(out, 'barber/runbooks/overview.md'), 'edited by hand\n')
    const repaired = await writeBundle(out, bundle())
    expect(repaired.changed).toEqual(['barber/runbooks/overview.md'])
    expect(readFileSync(join(out, 'barber/runbooks/overview.md'), 'utf8')).not.toContain('edited')
  })

  it('removes files the new bundle no longer has, including files added by hand', async () => {
    const out = join(tempDir(), 'bundle')
    await writeBundle(out, bundle())
    writeFileSync(join(out, 'barber', 'notes.txt'), 'mine\n')
    const fewer = bundle({ render: (c) => fixtureRender(c).filter((a) => !a.path.endsWith('overview.md')) })
    const summary = await writeBundle(out, fewer)
    expect(summary.removed).toContain('barber/notes.txt')
    expect(summary.removed).toContain('fitness/runbooks/overview.md')
    expect(existsSync(join(out, 'barber/runbooks'))).toBe(false)
    expect(Object.keys(snapshot(out))).toEqual(['manifest.json', ...fewer.files.map((f) => f.path)].sort())
  })

  it('refuses a non-empty directory without a manifest of ours, unless forced', async () => {
    const out = tempDir()
    writeFileSync(join(out, 'thesis.tex'), 'years of work\n')
    writeFileSync(join(out, 'manifest.json'), '{"name":"someone-else"}\n')
    const before = snapshot(out)
    const error = await rejection(writeBundle(out, bundle()))
    expect(isPlatformError(error) && error.code).toBe('OUTPUT_NOT_OURS')
    expect(snapshot(out)).toEqual(before)
    await writeBundle(out, bundle(), { force: true })
    expect(existsSync(join(out, 'thesis.tex'))).toBe(false)
    expect(readOwnManifest(readFileSync(join(out, 'manifest.json')))).toBeDefined()
  })

  it('accepts an existing empty directory and refuses a file as --out', async () => {
    const empty = tempDir()
    await writeBundle(empty, bundle())
    expect(existsSync(join(empty, 'manifest.json'))).toBe(true)
    const file = join(tempDir(), 'bundle')
    writeFileSync(file, 'x')
    const error = await rejection(writeBundle(file, bundle()))
    expect(isPlatformError(error) && error.code).toBe('INVALID_ARGUMENT')
  })

  it('a partial run replaces only its verticals and keeps the others and their manifest entries', async () => {
    const out = join(tempDir(), 'bundle')
    const full = bundle()
    await writeBundle(out, full)
    mkdirSync(join(out, 'barber', 'extra'))
    writeFileSync(join(out, 'barber', 'extra', 'kept.txt'), 'not in scope\n')
    writeFileSync(join(out, 'psychology', 'stale.txt'), 'in scope\n')
    const summary = await writeBundle(out, bundle({ verticals: ['psychology'] }))
    expect(summary.removed).toEqual(['psychology/stale.txt'])
    expect(existsSync(join(out, 'barber', 'extra', 'kept.txt'))).toBe(true)
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(serializeManifest(full.manifest))
  })
})
