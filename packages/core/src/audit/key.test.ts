import { describe, expect, it } from 'vitest'
import { AuditKey, DEVELOPMENT_AUDIT_KEY } from './key'

describe('AuditKey.resolve', () => {
  const warnings: string[] = []
  const logger = { warn: (_: unknown, message: string) => void warnings.push(message), error() {} }

  it('refuses to start in production without a key, and says how to provide one', () => {
    expect(() => AuditKey.resolve(undefined, logger, 'production')).toThrow(
      expect.objectContaining({
        code: 'AUDIT_KEY_MISSING',
        message: 'auditKey is required when NODE_ENV=production',
        hint: expect.stringContaining('createPlatform({ auditKey })'),
      }),
    )
    expect(() => AuditKey.resolve('', logger, 'production')).toThrow(
      expect.objectContaining({ code: 'AUDIT_KEY_MISSING' }),
    )
  })

  it('refuses a short key anywhere', () => {
    expect(() => AuditKey.resolve('short', logger, 'development')).toThrow(
      expect.objectContaining({ code: 'AUDIT_KEY_MISSING', message: expect.stringContaining('at least 32') }),
    )
  })

  it('uses the public development key elsewhere, with a warning', () => {
    const key = AuditKey.resolve(undefined, logger, 'test')
    expect(key.secret).toBe(false)
    expect(warnings.at(-1)).toContain('public development key')
    expect(key.mac('x')).toBe(AuditKey.resolve(DEVELOPMENT_AUDIT_KEY, logger, 'production').mac('x'))
    expect(AuditKey.resolve('k'.repeat(32), logger, 'production').secret).toBe(true)
  })
})
