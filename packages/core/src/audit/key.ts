import { createSecretKey, type KeyObject } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import type { CoreLogger } from '../metrics'
import { hmacHex } from './keyed'

/** The shortest audit key accepted: 32 characters (e.g. 32 random bytes as 64 hex digits is better). */
export const MIN_AUDIT_KEY_LENGTH = 32

/**
 * The key of every chain, checkpoint and anchor outside production when none is given. It is public
 * (it is written here), so chains keyed with it prove nothing against anyone who reads this file.
 */
export const DEVELOPMENT_AUDIT_KEY = 'verticals-development-audit-key-never-use-in-production'

/** How to provide the key, for the error and the warning. */
const HOW =
  "Generate one (openssl rand -hex 32), keep it in the secret store, never in the database, and pass it as createPlatform({ auditKey }); the generated Deployment mounts it from the vertical's Secret."

/** The HMAC-SHA256 key of the audit log, resolved once per platform. */
export class AuditKey {
  private readonly key: KeyObject
  /** False when the public development key is in use. */
  readonly secret: boolean

  private constructor(key: string, secret: boolean) {
    this.key = createSecretKey(Buffer.from(key, 'utf8'))
    this.secret = secret
  }

  /**
   * The key given, or outside production (NODE_ENV) the development key with a warning. Refuses to
   * start in production without one, and refuses a key shorter than MIN_AUDIT_KEY_LENGTH anywhere.
   */
  static resolve(key: string | undefined, logger: CoreLogger, nodeEnv = process.env.NODE_ENV): AuditKey {
    if (key === undefined || key === '') {
      if (nodeEnv === 'production') {
        throw new PlatformError('AUDIT_KEY_MISSING', 'auditKey is required when NODE_ENV=production', {
          hint: HOW,
        })
      }
      logger.warn({ nodeEnv: nodeEnv ?? null }, `audit chains use the public development key: ${HOW}`)
      return new AuditKey(DEVELOPMENT_AUDIT_KEY, false)
    }
    if (key.length < MIN_AUDIT_KEY_LENGTH) {
      throw new PlatformError(
        'AUDIT_KEY_MISSING',
        `auditKey has ${key.length} characters; at least ${MIN_AUDIT_KEY_LENGTH} are required`,
        { hint: HOW },
      )
    }
    return new AuditKey(key, true)
  }

  /** Hex HMAC-SHA256 of a text. */
  mac(text: string): string {
    return hmacHex(this.key, text)
  }

  /** The key itself, for verify's worker threads (a KeyObject crosses to a worker without export). */
  keyObject(): KeyObject {
    return this.key
  }
}
