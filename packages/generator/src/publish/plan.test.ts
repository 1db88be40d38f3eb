import { describe, expect, it } from 'vitest'
import { makeBundle } from './bundle.fixture'
import { parseVersionManifest, sha256Hex } from './manifest'
import { planVersions } from './plan'
import { describeDifference } from './refusal'

describe('planVersions', () => {
  it('splits a bundle per vertical with paths relative to the version and a manifest of only its files', () => {
    const { files, manifest } = makeBundle()
    const plans = planVersions(files, JSON.stringify(manifest), '1.0.0')
    expect(plans.map((plan) => plan.vertical)).toEqual(['barber', 'fitness'])
    const barber = plans[0]!
    expect(barber.files.map((file) => file.path)).toEqual([
      'compliance/retention.md',
      'infrastructure/kubernetes/deployment.yaml',
      'monitoring/grafana/overview.json',
    ])
    const parsed = parseVersionManifest(barber.manifestBytes, 'test')
    expect(parsed).toMatchObject({
      vertical: 'barber',
      version: '1.0.0',
      configSha256: manifest.configSha256,
    })
    expect(parsed.files[1]).toEqual({
      path: 'infrastructure/kubernetes/deployment.yaml',
      kind: 'kubernetes',
      sha256: sha256Hex(barber.files[1]!.content),
      size: barber.files[1]!.content.length,
    })
    expect(barber.manifestBytes.toString().endsWith('}\n')).toBe(true)
  })

  it("stamps each version with its vertical's config checksum, so another vertical's edit changes nothing", () => {
    const { files, manifest } = makeBundle()
    const own = (barber: string) => ({
      ...manifest,
      verticals: { barber: { configSha256: barber }, fitness: { configSha256: 'f'.repeat(64) } },
    })
    const [barber, fitness] = planVersions(files, own('b'.repeat(64)), '1.0.0')
    expect(barber?.manifest.configSha256).toBe('b'.repeat(64))
    expect(fitness?.manifest.configSha256).toBe('f'.repeat(64))
    const [, sameFitness] = planVersions(files, own('c'.repeat(64)), '1.0.0')
    expect(sameFitness?.manifestBytes).toEqual(fitness?.manifestBytes)
    expect(() =>
      planVersions(files, { ...manifest, verticals: { barber: { configSha256: 'x' } } }, '1.0.0'),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
  })

  it('gives byte-identical manifests whatever order the files come in', () => {
    const { files, manifest } = makeBundle()
    const reversed = { ...manifest, files: [...manifest.files].reverse() }
    const a = planVersions(files, manifest, '1.0.0').map((plan) => plan.manifestBytes.toString())
    const b = planVersions([...files].reverse(), reversed, '1.0.0').map((plan) =>
      plan.manifestBytes.toString(),
    )
    expect(b).toEqual(a)
  })

  it('refuses content that does not match the manifest, missing files and unlisted files', () => {
    const { files, manifest } = makeBundle(['barber'])
    const tampered = files.map((file, i) => (i === 0 ? { path: file.path, content: 'other' } : file))
    expect(() => planVersions(tampered, manifest, '1.0.0')).toThrow(/does not match its sha256/)
    expect(() => planVersions(files.slice(1), manifest, '1.0.0')).toThrow(/no such file was given/)
    expect(() =>
      planVersions([...files, { path: 'barber/extra.md', content: 'x' }], manifest, '1.0.0'),
    ).toThrow(/not listed/)
    expect(
      planVersions([...files, { path: 'manifest.json', content: '{}' }], manifest, '1.0.0'),
    ).toHaveLength(1)
  })

  it('refuses malformed manifests and paths that leave their vertical', () => {
    const { files, manifest } = makeBundle(['barber'])
    expect(() => planVersions(files, '{not json', '1.0.0')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    expect(() =>
      planVersions(files, { ...manifest, files: [{ ...manifest.files[0]!, vertical: 'fitness' }] }, '1.0.0'),
    ).toThrow(/outside its folder/)
    expect(() =>
      planVersions(files, { ...manifest, files: [{ ...manifest.files[0]!, path: 'barber/../x' }] }, '1.0.0'),
    ).toThrow(/safe relative path/)
    expect(() => planVersions(files, manifest, '1.0.0/x')).toThrow(/cannot be used/)
  })

  it('names the files that differ when a version is refused', () => {
    const original = makeBundle(['barber'])
    const before = planVersions(original.files, original.manifest, '1.0.0')[0]!
    const changed = makeBundle(['barber'], (path, text) => (path.endsWith('.md') ? `${text}x\n` : text))
    const after = planVersions(changed.files, changed.manifest, '1.0.0')[0]!
    expect(describeDifference(before.manifestBytes, after.manifest)).toBe(
      '1 file(s) differ: ~ compliance/retention.md',
    )
    expect(describeDifference(before.manifestBytes, { ...before.manifest, configSha256: 'x' })).toMatch(
      /metadata/,
    )
  })
})
