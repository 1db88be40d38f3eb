import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { PlatformError } from '@verticals/config-schema'
import { DEPLOYMENT_ENV } from '@verticals/observability'
import { HttpError } from './http'

// Who is calling the data-subject-request routes. A token is issued by the identity service that
// signed the user in (here: `issue`, with the shared secret) and names the subject or the privacy
// officer it was issued to:  v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>

/** Who a verified token speaks for. */
export interface Caller {
  /** The data subject's id, or the privacy officer's staff id. */
  readonly sub: string
  readonly role: 'subject' | 'privacy-officer'
  /** The token's id: kept as the evidence reference of the identity verification. */
  readonly jti: string
}

interface Claims extends Caller {
  /** Expiry, seconds since the epoch. */
  readonly exp: number
}

const MIN_SECRET = 32
// Development only: a public key proves nothing, so production refuses to start without a real one.
const DEV_SECRET = 'verticals-example-barber-dev-only-dsr-auth-secret'

/** Signs and verifies caller tokens with one secret. */
export class DsrAuth {
  private constructor(private readonly secret: string) {}

  /** From VERTICALS_DSR_AUTH_SECRET (≥ 32 characters; required with NODE_ENV=production), else the dev secret. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, warn: (msg: string) => void = () => {}): DsrAuth {
    const secret = env[DEPLOYMENT_ENV.dsrAuthSecret]
    if (secret !== undefined && secret !== '') return DsrAuth.withSecret(secret)
    if (env.NODE_ENV === 'production')
      throw new PlatformError('INVALID_ARGUMENT', 'VERTICALS_DSR_AUTH_SECRET is not set', {
        hint: 'Set VERTICALS_DSR_AUTH_SECRET (at least 32 characters, from the secret store) to the key the identity service signs tokens with.',
      })
    warn(
      'VERTICALS_DSR_AUTH_SECRET is not set: using the public development secret, which authenticates no one',
    )
    return new DsrAuth(DEV_SECRET)
  }

  /** With an explicit secret of at least 32 characters. */
  static withSecret(secret: string): DsrAuth {
    if (secret.length < MIN_SECRET)
      throw new PlatformError(
        'INVALID_ARGUMENT',
        `VERTICALS_DSR_AUTH_SECRET must have at least ${MIN_SECRET} characters`,
      )
    return new DsrAuth(secret)
  }

  /** Issues a token for a caller, valid `seconds` from `now` (what the identity service does at sign-in). */
  issue(caller: { sub: string; role: Caller['role'] }, seconds = 900, now = new Date()): string {
    const claims: Claims = { ...caller, jti: randomUUID(), exp: Math.floor(now.getTime() / 1000) + seconds }
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return `v1.${body}.${this.sign(body)}`
  }

  /** The caller of a request (Authorization: Bearer <token>), or 401. */
  caller(req: IncomingMessage, now = new Date()): Caller {
    const header = req.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    const [version, body, signature] = token.split('.')
    if (version !== 'v1' || !body || !signature)
      throw unauthorized('send Authorization: Bearer <token> issued when the user signed in')
    const expected = Buffer.from(this.sign(body))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw unauthorized('the token is not signed by this service')
    let claims: Claims
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims
    } catch {
      throw unauthorized('the token is malformed')
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime())
      throw unauthorized('the token has expired; sign in again')
    if (typeof claims.sub !== 'string' || claims.sub === '' || typeof claims.jti !== 'string')
      throw unauthorized('the token is malformed')
    if (claims.role !== 'subject' && claims.role !== 'privacy-officer')
      throw unauthorized('the token names no known role')
    return { sub: claims.sub, role: claims.role, jti: claims.jti }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(`v1.${body}`).digest('base64url')
  }
}

const unauthorized = (message: string) => new HttpError(401, 'unauthenticated', message)

/** 403 unless the caller is the subject themselves or a privacy officer. */
export function requireSubjectOrOfficer(caller: Caller, subjectId: string | null): void {
  if (caller.role === 'privacy-officer' || (subjectId !== null && caller.sub === subjectId)) return
  throw new HttpError(403, 'forbidden', 'only the data subject or a privacy officer may act on this request')
}

/** 403 unless the caller is a privacy officer. */
export function requireOfficer(caller: Caller): void {
  if (caller.role !== 'privacy-officer')
    throw new HttpError(403, 'forbidden', 'only a privacy officer may fulfil a data-subject request')
}
