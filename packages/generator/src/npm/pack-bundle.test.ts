import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { x as extract } from 'tar'
import { describe, expect, it } from 'vitest'
import { generate } from '../engine/generate'
import { examplePlatform } from '../testing/fixtures'
import { tempDir } from '../testing/temp-dir'
import { packBundle } from './pack-bundle'

const example = examplePlatform()

async function packExample() {
  const result = generate(example.platform, { source: example.source, configSha256: example.configSha256 })
  return packBundle({
    files: result.files,
    manifest: result.manifest,
    metadata: example.platform.metadata,
    version: example.platform.metadata.version,
  })
}

/** Unpacks a tarball as npm installs it (without the `package/` folder) and returns the directory. */
async function unpack(bytes: Buffer): Promise<string> {
  const dir = tempDir()
  const file = join(dir, 'bundle.tgz')
  const { writeFile } = await import('node:fs/promises')
  await writeFile(file, bytes)
  await extract({ file, cwd: dir, strip: 1 })
  return dir
}

describe('packBundle', () => {
  it('gives byte-identical tarballs when packing twice (sha512 equal), one per enabled vertical and one for the platform', async () => {
    const [first, second] = [await packExample(), await packExample()]
    expect(first.map((p) => p.name)).toEqual([
      '@turnos/barber-bundle',
      '@turnos/beauty-bundle',
      '@turnos/fitness-bundle',
      '@turnos/platform-bundle',
      '@turnos/psychology-bundle',
    ])
    expect(first.map((p) => p.filename)).toContain('turnos-psychology-bundle-1.0.0.tgz')
    expect(second.map((p) => p.tarball.integrity)).toEqual(first.map((p) => p.tarball.integrity))
    expect(Buffer.compare(first[0]!.tarball.bytes, second[0]!.tarball.bytes)).toBe(0)
    expect(first[0]!.tarball.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/)
  })

  it('holds the bundle files under their usual layout, manifest.json, README, an ESM entry with types', async () => {
    const psychology = (await packExample()).find((p) => p.vertical === 'psychology')!
    const dir = await unpack(psychology.tarball.bytes)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ vertical: 'psychology', version: '1.0.0' })
    for (const file of manifest.files) expect(readFileSync(join(dir, file.path)).length).toBe(file.size)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ name: '@turnos/psychology-bundle', version: '1.0.0', type: 'module' })
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(
      'npx verticals verify node_modules/@turnos/psychology-bundle',
    )

    const entry = await import(join(dir, 'index.js'))
    expect(entry.manifest).toEqual(manifest)
    expect(entry.paths.prometheus).toBe(join(dir, 'monitoring', 'prometheus'))
    expect(Object.keys(entry.paths)).toEqual(
      expect.arrayContaining(['kubernetes', 'terraform', 'migrations']),
    )
    expect(readFileSync(join(dir, 'index.d.ts'), 'utf8')).toContain('readonly vertical: "psychology"')
  })

  it("packs the shared stores' Terraform into the platform bundle, once, and into no vertical's", async () => {
    const packed = await packExample()
    const platform = packed.find((p) => p.vertical === 'platform')!
    const dir = await unpack(platform.tarball.bytes)
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    const paths = manifest.files.map((f: { path: string }) => f.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'monitoring/alertmanager/alertmanager.yaml',
        'infrastructure/shared/marketplace/database.tf',
        'infrastructure/shared/marketplace/cache.tf',
        'infrastructure/shared/marketplace/members.sql',
        'infrastructure/erasure-relay/erasure-relay.tf',
      ]),
    )
    for (const file of manifest.files) expect(readFileSync(join(dir, file.path)).length).toBe(file.size)
    const barber = await unpack(packed.find((p) => p.vertical === 'barber')!.tarball.bytes)
    const barberFiles = JSON.parse(readFileSync(join(barber, 'manifest.json'), 'utf8')).files.map(
      (f: { path: string }) => f.path,
    )
    expect(barberFiles).toContain('infrastructure/terraform/shared-stores.tf')
    expect(barberFiles).not.toContain('infrastructure/terraform/database.tf')
    expect(barberFiles.filter((p: string) => p.includes('erasure-relay'))).toEqual([])
  })

  it('passes publint in strict mode', async () => {
    const [packed] = await packExample()
    const bytes = packed!.tarball.bytes
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer
    const { messages, pkg } = await publint({ pack: { tarball }, strict: true })
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([])
  })

  it('refuses a version npm would not take', async () => {
    const result = generate(example.platform, { source: example.source, configSha256: example.configSha256 })
    const pack = packBundle({ ...result, metadata: example.platform.metadata, version: '1.0.0+build.1' })
    await expect(pack).rejects.toThrow(/not a semantic version/)
  })
})
