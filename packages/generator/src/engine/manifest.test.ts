import { describe, expect, it } from 'vitest'
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version'
import { buildManifest, readOwnManifest, serializeManifest } from './manifest'

const entry = (path: string) => ({
  path,
  kind: 'runbook' as const,
  vertical: 'barber',
  sha256: 'a'.repeat(64),
})

describe('manifest', () => {
  it('names this generator, sorts files by path and serializes with sorted keys and a trailing newline', () => {
    const manifest = buildManifest('c'.repeat(64), [entry('barber/z.md'), entry('barber/a.md')])
    expect(manifest.generator).toEqual({ name: GENERATOR_NAME, version: GENERATOR_VERSION })
    expect(manifest.files.map((f) => f.path)).toEqual(['barber/a.md', 'barber/z.md'])
    const text = serializeManifest(manifest)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).not.toContain('\r')
    expect(Object.keys(JSON.parse(text))).toEqual(['configSha256', 'files', 'generator', 'verticals'])
    expect(Object.keys(JSON.parse(text).files[0])).toEqual(['kind', 'path', 'sha256', 'vertical'])
  })

  it('serializes the same manifest to the same bytes whatever the input order', () => {
    const a = serializeManifest(buildManifest('c', [entry('barber/a.md'), entry('barber/b.md')]))
    const b = serializeManifest(buildManifest('c', [entry('barber/b.md'), entry('barber/a.md')]))
    expect(a).toBe(b)
  })

  it('reads back its own manifest and treats anything else as foreign', () => {
    const own = serializeManifest(buildManifest('c', [entry('barber/a.md')]))
    expect(readOwnManifest(Buffer.from(own))?.files).toHaveLength(1)
    expect(readOwnManifest(undefined)).toBeUndefined()
    expect(readOwnManifest(Buffer.from('not json'))).toBeUndefined()
    expect(readOwnManifest(Buffer.from('{"name":"some-app","version":"1.0.0"}'))).toBeUndefined()
    const other = JSON.parse(own)
    other.generator.name = 'another-tool'
    expect(readOwnManifest(Buffer.from(JSON.stringify(other)))).toBeUndefined()
    const broken = JSON.parse(own)
    broken.files = [{ path: 1 }]
    expect(readOwnManifest(Buffer.from(JSON.stringify(broken)))).toBeUndefined()
  })

  it("records each vertical's config checksum, and still owns a manifest from before they existed", () => {
    const manifest = buildManifest('c', [entry('barber/a.md')], { barber: { configSha256: 'b'.repeat(64) } })
    const own = serializeManifest(manifest)
    expect(JSON.parse(own).verticals).toEqual({ barber: { configSha256: 'b'.repeat(64) } })
    expect(readOwnManifest(Buffer.from(own))?.verticals).toEqual(manifest.verticals)
    const older = JSON.parse(own)
    delete older.verticals
    expect(readOwnManifest(Buffer.from(JSON.stringify(older)))?.verticals).toEqual({})
    older.verticals = { barber: { configSha256: 7 } }
    expect(readOwnManifest(Buffer.from(JSON.stringify(older)))).toBeUndefined()
  })
})
