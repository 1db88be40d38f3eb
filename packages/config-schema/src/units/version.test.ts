import { describe, expect, it } from 'vitest'
import { isBundleVersion } from './version'

describe('isBundleVersion', () => {
  it.each([
    '0.0.0',
    '1.4.0',
    '10.20.30',
    '1.0.0-rc.1',
    '1.0.0-alpha-beta.0',
    '2.0.0-0.3.7',
    '1.0.0-x.7.z.92',
  ])('accepts %s', (version) => expect(isBundleVersion(version)).toBe(true))

  it.each([
    ['1.4', 'two parts'],
    ['v1.4.0', 'a leading v'],
    ['01.4.0', 'a leading zero'],
    ['1.4.0-01', 'a numeric pre-release identifier with a leading zero'],
    ['1.4.0-a..b', 'an empty pre-release identifier'],
    ['1.4.0+build.5', 'build metadata, which npm drops'],
    [' 1.4.0', 'whitespace'],
    ['latest', 'a dist-tag'],
  ])('refuses %s (%s)', (version) => expect(isBundleVersion(version)).toBe(false))
})
