import { describe, expect, it } from 'vitest'
import { normalizePrefix, parseS3Url, versionKey } from './keys'
import { publishVersion } from './version'

describe('object keys', () => {
  it('places a version under <prefix>/<vertical>/<version>, whatever slashes the prefix has', () => {
    expect(versionKey('', 'barber', '1.0.0')).toBe('barber/1.0.0')
    expect(versionKey('/ci/bundles/', 'barber', '1.0.0')).toBe('ci/bundles/barber/1.0.0')
    expect(normalizePrefix('///')).toBe('')
  })

  it('rejects names that would escape their place in the key', () => {
    expect(() => versionKey('', '../x', '1.0.0')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    )
    expect(() => versionKey('', 'barber', '1.0.0/..')).toThrow(/cannot be used/)
    expect(() => normalizePrefix('a/../b')).toThrow(/not a safe relative path/)
  })

  it('parses s3:// URLs of a version', () => {
    expect(parseS3Url('s3://bkt/ci/barber/1.2.3/')).toEqual({
      bucket: 'bkt',
      key: 'ci/barber/1.2.3',
      vertical: 'barber',
      version: '1.2.3',
    })
    expect(parseS3Url('s3://bkt/fitness/2.0.0-rc.1').vertical).toBe('fitness')
    for (const url of ['https://bkt/barber/1.0.0', 's3://bkt/1.0.0', 's3://bkt/a/../1.0.0', 's3://bkt']) {
      expect(() => parseS3Url(url), url).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }))
    }
  })

  it('takes the version from metadata.version unless overridden, and insists on semver', () => {
    const platform = { metadata: { version: '1.4.0' } } as Parameters<typeof publishVersion>[0]
    expect(publishVersion(platform)).toBe('1.4.0')
    expect(publishVersion(platform, '1.5.0-rc.1')).toBe('1.5.0-rc.1')
    expect(() => publishVersion(platform, 'latest')).toThrow(/not a semantic version/)
  })
})
