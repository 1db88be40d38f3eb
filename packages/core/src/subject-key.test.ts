import { describe, expect, it } from 'vitest'
import { idDigest } from './audit/canonical'
import { silentLogger } from './metrics'
import { SubjectKey } from './subject-key'

describe('SubjectKey', () => {
  const key = SubjectKey.resolve('k'.repeat(64), silentLogger, 'production')

  it('digests an id with the key: a guess of the id without the key does not reproduce it', () => {
    const dni = '30123456'
    expect(key.digest(dni)).toMatch(/^[0-9a-f]{64}$/)
    expect(key.digest(dni)).not.toBe(idDigest(dni))
    expect(key.digest(dni)).not.toBe(SubjectKey.resolve('j'.repeat(64), silentLogger).digest(dni))
  })

  it('recognizes the keyed digest and the unkeyed one of entries written before the key', () => {
    expect(key.names(key.digest('ana'), 'ana')).toBe(true)
    expect(key.names(idDigest('ana'), 'ana')).toBe(true)
    expect(key.names(key.digest('ana'), 'bob')).toBe(false)
    expect(key.names(null, 'ana')).toBe(false)
    expect(key.digests('ana')).toEqual([key.digest('ana'), idDigest('ana')])
  })

  it('is required in production and at least 32 characters anywhere', () => {
    expect(() => SubjectKey.resolve(undefined, silentLogger, 'production')).toThrow(
      expect.objectContaining({ code: 'SUBJECT_KEY_MISSING' }),
    )
    expect(() => SubjectKey.resolve('short', silentLogger, 'development')).toThrow(
      'subjectKey has 5 characters; at least 32 are required',
    )
    expect(SubjectKey.resolve(undefined, silentLogger, 'test').secret).toBe(false)
  })
})
