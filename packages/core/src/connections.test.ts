import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { redisTls } from './connections'

describe('redisTls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-tls-'))
  const ca = join(dir, 'ca.pem')
  writeFileSync(ca, 'PEM')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the CA that sslrootcert names and takes the parameter off the URL', () => {
    const { url, tls } = redisTls(`rediss://:secret@localhost:6380?sslrootcert=${ca}`)
    expect(url).toBe('rediss://:secret@localhost:6380')
    expect(tls).toEqual({ ca: Buffer.from('PEM') })
  })

  it('leaves other URLs to ioredis, whose default CAs verify rediss servers', () => {
    expect(redisTls('rediss://:t@cache:6379')).toEqual({ url: 'rediss://:t@cache:6379', tls: undefined })
    expect(redisTls('redis://127.0.0.1:6379?sslrootcert=/x')).toEqual({
      url: 'redis://127.0.0.1:6379?sslrootcert=/x',
      tls: undefined,
    })
  })

  it('names the file it cannot read', () => {
    expect(() => redisTls('rediss://h:1?sslrootcert=/nonexistent/ca.pem')).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('/nonexistent/ca.pem'),
      }),
    )
  })
})
