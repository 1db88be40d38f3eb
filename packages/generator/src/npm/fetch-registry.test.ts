import { describe, expect, it } from 'vitest'
import { parseNpmSpec } from './fetch-registry'
import { tarballName } from './pack-bundle'

describe('npm specs and file names', () => {
  it('split a scoped or unscoped spec into name and exact version', () => {
    expect(parseNpmSpec('npm:@turnos/psychology-bundle@1.4.0')).toEqual({
      name: '@turnos/psychology-bundle',
      version: '1.4.0',
    })
    expect(parseNpmSpec('barber-bundle@2.0.0-rc.1')).toEqual({ name: 'barber-bundle', version: '2.0.0-rc.1' })
  })

  it.each(['npm:@turnos/psychology-bundle', 'npm:@turnos/psychology-bundle@^1.4.0', 'npm:x@latest'])(
    'refuse %s, which names no exact version',
    (spec) => expect(() => parseNpmSpec(spec)).toThrow(/does not name an exact version/),
  )

  it('name tarballs as npm pack does', () => {
    expect(tarballName('@turnos/psychology-bundle', '1.4.0')).toBe('turnos-psychology-bundle-1.4.0.tgz')
    expect(tarballName('barber-bundle', '1.0.0')).toBe('barber-bundle-1.0.0.tgz')
  })
})
