import { describe, expect, it } from 'vitest'
import { parseVersionManifest, sha256Hex } from './manifest'

const entry = (path: string) => ({ path, kind: 'runbook', sha256: sha256Hex(path), size: 1 })
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value))
const valid = {
  generator: 'g',
  configSha256: 'c',
  vertical: 'barber',
  version: '1.0.0',
  files: [entry('a.md')],
}

describe('parseVersionManifest', () => {
  it('reads a manifest written by publish', () => {
    expect(parseVersionManifest(bytes(valid), 'm').files).toEqual([entry('a.md')])
  })

  it('treats anything that could write outside --out or over another file as an integrity failure', () => {
    const cases = [
      Buffer.from('not json'),
      bytes({ ...valid, vertical: undefined }),
      bytes({ ...valid, files: 'x' }),
      bytes({ ...valid, files: [{ ...entry('a.md'), sha256: 'abc' }] }),
      bytes({ ...valid, files: [entry('../etc/passwd')] }),
      bytes({ ...valid, files: [entry('/abs.md')] }),
      bytes({ ...valid, files: [entry('manifest.json')] }),
      bytes({ ...valid, files: [entry('a.md'), entry('a.md')] }),
    ]
    for (const input of cases) {
      expect(() => parseVersionManifest(input, 's3://b/k/manifest.json'), input.toString()).toThrow(
        expect.objectContaining({
          code: 'INTEGRITY',
          message: expect.stringContaining('s3://b/k/manifest.json'),
        }),
      )
    }
  })
})
