import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examplePlatform, exampleSource, fixtureRender } from '../testing/fixtures'
import { entries, snapshot, tempDir } from '../testing/temp-dir'
import { generate } from './generate'
import { writeBundle } from './write-bundle'

const { platform } = examplePlatform()
const result = generate(platform, {
  source: exampleSource(),
  configSha256: 'c'.repeat(64),
  render: fixtureRender,
})

describe('recovery from a killed run', () => {
  it('puts back the old bundle when a run died between its two renames, then writes as usual', async () => {
    const parent = tempDir()
    const out = join(parent, 'bundle')
    await writeBundle(out, result)
    writeFileSync(join(out, 'barber', 'stale.txt'), 'old\n')
    const before = snapshot(out)
    const { renameSync } = await import('node:fs')
    renameSync(out, join(parent, '.bundle.verticals-previous-0123456789ab'))
    const summary = await writeBundle(out, result)
    expect(summary.removed).toEqual(['barber/stale.txt'])
    expect(Object.keys(snapshot(out))).toEqual(Object.keys(before).filter((p) => p !== 'barber/stale.txt'))
    expect(entries(parent)).toEqual(['bundle'])
  })

  it('deletes staging directories of runs killed over an hour ago and keeps fresh ones', async () => {
    const parent = tempDir()
    const old = join(parent, '.bundle.verticals-staging-aaaaaaaaaaaa')
    const fresh = join(parent, '.bundle.verticals-staging-bbbbbbbbbbbb')
    mkdirSync(old)
    mkdirSync(fresh)
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    utimesSync(old, twoHoursAgo, twoHoursAgo)
    await writeBundle(join(parent, 'bundle'), result)
    expect(entries(parent)).toEqual(['.bundle.verticals-staging-bbbbbbbbbbbb', 'bundle'])
  })
})
