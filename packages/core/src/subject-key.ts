import { createSecretKey, type KeyObject } from 'node:crypto'
import { PlatformError } from '@verticals/config-schema'
import { idDigest } from './audit/canonical'
import { keyedIdDigest } from './audit/keyed'
import type { CoreLogger } from './metrics'

/** The shortest subject key accepted, as for the audit key. */
export const MIN_SUBJECT_KEY_LENGTH = 32

/** The key outside production when none is given: public, so its digests can be re-linked by guessing. */
export const DEVELOPMENT_SUBJECT_KEY = 'verticals-development-subject-key-never-use-in-production'

const HOW =
  "Generate one (openssl rand -hex 32), keep it in the secret store apart from the audit key, never in the database, and pass it as createPlatform({ subjectKey }); the generated Deployment sets VERTICALS_SUBJECT_KEY from the vertical's Secret."

/**
 * The HMAC-SHA256 key of the digests that name subjects and actors wherever the clear id must not stay
 * (audit entries, DSR requests, holds, restrictions, the erasure journal). Keyed, a digest of a guessable
 * id (a DNI, an e-mail address) cannot be recomputed, so it cannot be re-linked after erasure.
 */
export class SubjectKey {
  private readonly key: KeyObject
  /** False when the public development key is in use. */
  readonly secret: boolean

  private constructor(key: string, secret: boolean) {
    this.key = createSecretKey(Buffer.from(key, 'utf8'))
    this.secret = secret
  }

  /** The key given, or outside production the development key with a warning; short keys are refused. */
  static resolve(key: string | undefined, logger: CoreLogger, nodeEnv = process.env.NODE_ENV): SubjectKey {
    if (key === undefined || key === '') {
      if (nodeEnv === 'production')
        throw new PlatformError('SUBJECT_KEY_MISSING', 'subjectKey is required when NODE_ENV=production', {
          hint: HOW,
        })
      logger.warn({ nodeEnv: nodeEnv ?? null }, `subject digests use the public development key: ${HOW}`)
      return new SubjectKey(DEVELOPMENT_SUBJECT_KEY, false)
    }
    if (key.length < MIN_SUBJECT_KEY_LENGTH)
      throw new PlatformError(
        'SUBJECT_KEY_MISSING',
        `subjectKey has ${key.length} characters; at least ${MIN_SUBJECT_KEY_LENGTH} are required`,
        { hint: HOW },
      )
    return new SubjectKey(key, true)
  }

  /** The keyed digest of a subject or actor id (hex HMAC-SHA256 of `id:<id>`). */
  digest(id: string): string {
    return keyedIdDigest(this.key, id)
  }

  /** The key itself, for verify's worker threads (a KeyObject crosses to a worker without export). */
  keyObject(): KeyObject {
    return this.key
  }

  /** The digests an id may appear under: the keyed one first, then the unkeyed one of entries before 0.2. */
  digests(id: string): [string, string] {
    return [this.digest(id), idDigest(id)]
  }

  /**
   * Whether a digest names this id: the keyed digest, or the unkeyed sha256 that entries written before
   * version 0.2 carry (their chain hashes cover it, so it cannot be rewritten).
   */
  names(digest: string | null, id: string): boolean {
    return digest !== null && (digest === this.digest(id) || digest === idDigest(id))
  }
}
